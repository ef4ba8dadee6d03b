import { useState, type FormEvent } from 'react';
import { api, type Account, type AppError, type Invite, type SyncStatus } from '../api';
import { relativeTime } from '../lib/dates';
import './AccountPanel.css';

/** Where `make run` starts its relay; people change it for their own. */
export const DEFAULT_RELAY_URL = 'http://127.0.0.1:7420';

interface AccountPanelProps {
  status: SyncStatus;
  account: Account | null;
  /** The team on screen, to publish or invite to. */
  team: { id: string; name: string } | null;
  /** Something changed on the relay side: re-read account, status and teams. */
  onChanged: () => void;
  onError: (error: AppError) => void;
}

function SignInForm({ onChanged }: { onChanged: () => void }) {
  const [mode, setMode] = useState<'log_in' | 'sign_up'>('log_in');
  const [relayUrl, setRelayUrl] = useState(DEFAULT_RELAY_URL);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const call = mode === 'log_in' ? api.accountLogIn : api.accountSignUp;
      await call(relayUrl, email, password);
      setPassword('');
      onChanged();
    } catch (e) {
      setError(e as AppError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="account-form" onSubmit={submit} data-testid="account-form">
      <div className="account-form__modes" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={mode === 'log_in'}
          className={mode === 'log_in' ? 'is-active' : ''}
          onClick={() => setMode('log_in')}
        >
          Sign in
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={mode === 'sign_up'}
          className={mode === 'sign_up' ? 'is-active' : ''}
          data-testid="account-mode-sign-up"
          onClick={() => setMode('sign_up')}
        >
          Create account
        </button>
      </div>
      <label>
        Relay
        <input value={relayUrl} onChange={(e) => setRelayUrl(e.target.value)} data-testid="account-relay" />
      </label>
      <label>
        Email
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} data-testid="account-email" />
      </label>
      <label>
        Password
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          data-testid="account-password"
        />
      </label>
      {error && (
        <p className="account-form__error" role="alert" data-testid="account-error" data-code={error.code}>
          {error.message}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={busy} data-testid="account-submit">
        {busy ? 'Working…' : mode === 'log_in' ? 'Sign in' : 'Create account'}
      </button>
    </form>
  );
}

function describe(status: SyncStatus): string {
  const parts: string[] = [];
  if (status.state === 'synced') parts.push('Everything here is on the relay.');
  if (status.state === 'syncing') parts.push('Exchanging changes with the relay…');
  if (status.state === 'offline') parts.push('The relay cannot be reached; your work is saved here and goes out when it can.');
  if (status.pendingChanges > 0) {
    parts.push(`${status.pendingChanges} ${status.pendingChanges === 1 ? 'change' : 'changes'} not yet acknowledged.`);
  }
  parts.push(status.lastHeardFrom === null ? 'Not heard from the relay yet.' : `Last heard from the relay ${relativeTime(status.lastHeardFrom)}.`);
  return parts.join(' ');
}

export function AccountPanel({ status, account, team, onChanged, onError }: AccountPanelProps) {
  const [code, setCode] = useState('');
  const [invite, setInvite] = useState<Invite | null>(null);
  const [busy, setBusy] = useState(false);

  if (!account) return <SignInForm onChanged={onChanged} />;

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
      onChanged();
    } catch (e) {
      onError(e as AppError);
    } finally {
      setBusy(false);
    }
  };
  const published = team !== null && account.teams.includes(team.id);

  return (
    <div className="account-panel" data-testid="account-panel">
      <p className="account-panel__who">
        Signed in as <strong data-testid="account-email-shown">{account.email}</strong>
        <br />
        <span className="account-panel__relay">{account.relayUrl}</span>
      </p>
      <p className="account-panel__state" data-testid="sync-details">
        {describe(status)}
      </p>
      {status.lastError && (
        <p className="account-form__error" data-testid="sync-last-error">
          {status.lastError}
        </p>
      )}
      {team && !published && (
        <button
          type="button"
          className="button"
          disabled={busy}
          data-testid="team-publish"
          onClick={() => run(() => api.teamPublish(team.id))}
        >
          Share “{team.name}” through the relay
        </button>
      )}
      {team && published && (
        <div className="account-panel__invite">
          <button
            type="button"
            className="button"
            disabled={busy}
            data-testid="invite-create"
            onClick={() => run(async () => setInvite(await api.invitationCreate(team.id, 'member')))}
          >
            Invite someone to “{team.name}”
          </button>
          {invite && (
            <input readOnly value={invite.code} aria-label="Invitation code" data-testid="invite-code" onFocus={(e) => e.target.select()} />
          )}
        </div>
      )}
      <form
        className="account-panel__join"
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            await api.teamJoin(code);
            setCode('');
          });
        }}
      >
        <input
          value={code}
          onChange={(e) => setCode(e.target.value)}
          placeholder="Invitation code"
          aria-label="Invitation code to join a team"
          data-testid="join-code"
        />
        <button type="submit" className="button" disabled={busy || code.trim() === ''} data-testid="join-submit">
          Join team
        </button>
      </form>
      <button
        type="button"
        className="button button--ghost"
        disabled={busy}
        data-testid="account-log-out"
        onClick={() => run(() => api.accountLogOut())}
      >
        Sign out
      </button>
    </div>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { api, hasCode, type Account, type Invite, type Role, type SyncState } from '../../api';
import { formatFull } from '../../lib/dates';
import { explainError } from '../../lib/errorText';
import { useToasts } from '../../state/toasts';
import { LimitNote } from '../billing/LimitNote';
import { Field } from '../Field';
import { Sheet } from '../Sheet';
import { CopyField } from './CopyField';
import './InvitePanel.css';

interface InvitePanelProps {
  teamId: string;
  teamName: string;
  /** Owners may invite owners. */
  myRole: Role;
  account: Account | null | undefined;
  syncState: SyncState | undefined;
  /** Why the team cannot take another member now (its plan's limit, or read-only); null when it can. */
  limit: string | null;
  onOpenBilling: () => void;
  /** A write was refused for the plan: what the app knows of it is stale. */
  onBillingStale: () => void;
}

/** From 1 hour to 90 days, in hours. */
export const EXPIRY_CHOICES: [number, string][] = [
  [1, '1 hour'],
  [24, '1 day'],
  [72, '3 days'],
  [168, '1 week'],
  [336, '2 weeks'],
  [720, '30 days'],
  [2160, '90 days'],
];

/** Why an invitation cannot be made now, from the account and from what the relay said. */
function blocker(account: Account | null | undefined, teamId: string, refused: string | null): string | null {
  if (refused === 'offline') return 'The relay cannot be reached right now. Invitations are made on the relay; try again when you are online.';
  if (refused === 'not_signed_in' || account === null) {
    return 'Invitations come from a relay, and this device is not signed in to one. Sign in from the sync status in the top bar, then share the team.';
  }
  if (account && !account.teams.includes(teamId)) {
    return 'This team lives only on this device. Share it through the relay (from the sync status in the top bar) to invite people.';
  }
  return null;
}

/** Makes an invitation: role, how long it lasts, how often it may be used; shows its code and link to copy. */
export function InvitePanel({ teamId, teamName, myRole, account, syncState, limit, onOpenBilling, onBillingStale }: InvitePanelProps) {
  const { showError } = useToasts();
  const [role, setRole] = useState<Role>('member');
  const [hours, setHours] = useState(168);
  const [maxUses, setMaxUses] = useState('');
  const [invite, setInvite] = useState<Invite | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { role: useId(), expiry: useId(), uses: useId(), why: useId() };

  // Not on a relay comes first: the plan only matters once invitations can be made at all.
  const relayWhy = blocker(account, teamId, refused);
  const why = relayWhy ?? limit;
  const disabled = why !== null || busy;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (disabled) return;
    setBusy(true);
    const uses = Number(maxUses);
    const options = { expiresInHours: hours, maxUses: maxUses.trim() && Number.isInteger(uses) && uses > 0 ? uses : undefined };
    try {
      setInvite(await api.invitationCreate(teamId, role, options));
    } catch (error) {
      // Not on a relay: say so in place, instead of a passing toast.
      if (hasCode(error, 'not_signed_in') || hasCode(error, 'offline')) setRefused((error as { code: string }).code);
      else showError(explainError(error));
      // The plan's limit or a lapsed payment, which this window had not heard of yet.
      if (hasCode(error, 'plan_limit') || hasCode(error, 'read_only')) onBillingStale();
    } finally {
      setBusy(false);
    }
  };

  const link = invite ? `teamstead://join?code=${encodeURIComponent(invite.code)}` : '';
  return (
    <Sheet titleId="invite-title" title={`Invite people to ${teamName}`} className="invite-panel" testId="invite-panel">
      {relayWhy === null && limit !== null && <LimitNote id={ids.why} reason={limit} testId="invitation-limit" onOpenBilling={onOpenBilling} />}
      {relayWhy && (
        <p id={ids.why} className="invite-panel__why" role="note" data-testid="invitation-unavailable">
          {relayWhy}
          {refused && (
            <button type="button" className="button button--ghost invite-panel__retry" onClick={() => setRefused(null)}>
              Try again
            </button>
          )}
        </p>
      )}
      {syncState === 'offline' && !why && <p className="sheet__hint">The relay seems unreachable; making an invitation may fail.</p>}
      <form className="invite-panel__form" onSubmit={submit} aria-describedby={why ? ids.why : undefined}>
        <Field htmlFor={ids.role} label="Joins as">
          <select id={ids.role} className="select" data-testid="invitation-role" value={role} disabled={why !== null} onChange={(e) => setRole(e.target.value as Role)}>
            {myRole === 'owner' && <option value="owner">Owner</option>}
            <option value="manager">Manager</option>
            <option value="member">Member</option>
            <option value="viewer">Viewer (reads only)</option>
          </select>
        </Field>
        <Field htmlFor={ids.expiry} label="Expires after">
          <select
            id={ids.expiry}
            className="select"
            data-testid="invitation-expiry"
            value={hours}
            disabled={why !== null}
            onChange={(e) => setHours(Number(e.target.value))}
          >
            {EXPIRY_CHOICES.map(([h, label]) => (
              <option key={h} value={h}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field htmlFor={ids.uses} label="Uses (empty: any number)">
          <input
            id={ids.uses}
            className="input"
            type="number"
            min={1}
            step={1}
            data-testid="invitation-max-uses"
            value={maxUses}
            disabled={why !== null}
            onChange={(e) => setMaxUses(e.target.value)}
          />
        </Field>
        <button type="submit" className="button button--primary" data-testid="invitation-create" disabled={disabled}>
          {busy ? 'Making…' : 'Make invitation'}
        </button>
      </form>
      {invite && (
        <div className="sheet__part" data-testid="invitation-result">
          <CopyField label="Code" value={invite.code} testId="invitation-code" />
          <CopyField label="Link" value={link} testId="invitation-link" />
          <p className="sheet__hint">
            Joins as {invite.role}. Valid until {formatFull(invite.expires_at)}
            {invite.max_uses !== null ? `, for ${invite.max_uses} ${invite.max_uses === 1 ? 'use' : 'uses'}` : ', any number of uses'}.
          </p>
        </div>
      )}
    </Sheet>
  );
}

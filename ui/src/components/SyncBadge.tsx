import { useEffect, useId, useRef, useState } from 'react';
import type { Account, AppError, SyncStatus } from '../api';
import { relativeTime } from '../lib/dates';
import { AccountPanel } from './AccountPanel';
import { DeviceIcon } from './icons';
import './SyncBadge.css';

function explain(status: SyncStatus): string {
  if (status.state === 'local_only') {
    return 'Your work is saved on this device only. Sign in to a relay to share it with your team.';
  }
  const parts = [`${status.label}.`];
  if (status.pendingChanges > 0) {
    parts.push(`${status.pendingChanges} ${status.pendingChanges === 1 ? 'change is' : 'changes are'} waiting for the relay.`);
  }
  if (status.lastHeardFrom !== null) parts.push(`Last heard from the relay ${relativeTime(status.lastHeardFrom)}.`);
  return parts.join(' ');
}

interface SyncBadgeProps {
  status: SyncStatus | undefined;
  account: Account | null | undefined;
  team: { id: string; name: string } | null;
  onChanged: () => void;
  onError: (error: AppError) => void;
}

/** The sync state at a glance; a click opens the account and sharing panel. */
export function SyncBadge({ status, account, team, onChanged, onError }: SyncBadgeProps) {
  const tooltipId = useId();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  if (!status) return null;
  return (
    <span className="sync" ref={rootRef}>
      <button
        type="button"
        className={`sync-badge sync-badge--${status.state}`}
        data-testid="sync-badge"
        data-state={status.state}
        aria-describedby={tooltipId}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <DeviceIcon size={14} />
        {status.label}
        {status.pendingChanges > 0 && (
          <span className="sync-badge__pending" data-testid="sync-pending" aria-label={`${status.pendingChanges} unacknowledged`}>
            {status.pendingChanges}
          </span>
        )}
      </button>
      {!open && (
        <span id={tooltipId} role="tooltip" className="tooltip">
          {explain(status)}
        </span>
      )}
      {open && (
        <div
          className="sync-popover"
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpen(false);
          }}
        >
          <AccountPanel
            status={status}
            account={account ?? null}
            team={team}
            onChanged={onChanged}
            onError={onError}
          />
        </div>
      )}
    </span>
  );
}

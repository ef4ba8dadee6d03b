import { useId } from 'react';
import type { SyncStatus } from '../api';
import { relativeTime } from '../lib/dates';
import { DeviceIcon } from './icons';
import './SyncBadge.css';

function explain(status: SyncStatus): string {
  const parts = ['Your work is saved on this device only. Nothing is sent to a server or to other people.'];
  if (status.pendingChanges > 0) {
    parts.push(`${status.pendingChanges} ${status.pendingChanges === 1 ? 'change is' : 'changes are'} waiting to be shared.`);
  }
  if (status.lastHeardFrom !== null) parts.push(`Last heard from a peer ${relativeTime(status.lastHeardFrom)}.`);
  return parts.join(' ');
}

export function SyncBadge({ status }: { status: SyncStatus | undefined }) {
  const tooltipId = useId();
  if (!status) return null;
  return (
    <span className="sync">
      <span
        className={`sync-badge sync-badge--${status.state}`}
        data-testid="sync-badge"
        tabIndex={0}
        aria-describedby={tooltipId}
      >
        <DeviceIcon size={14} />
        {status.label}
      </span>
      <span id={tooltipId} role="tooltip" className="tooltip">
        {explain(status)}
      </span>
    </span>
  );
}

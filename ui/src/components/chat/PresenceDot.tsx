import type { PresenceState } from '../../api';
import './PresenceDot.css';

const LABEL: Record<PresenceState, string> = { online: 'Online', idle: 'Away', offline: 'Offline' };

/** A small dot saying whether someone is around. */
export function PresenceDot({ state }: { state: PresenceState }) {
  return (
    <span
      className={`presence-dot presence-dot--${state}`}
      data-testid="presence-dot"
      data-state={state}
      role="img"
      aria-label={LABEL[state]}
      title={LABEL[state]}
    />
  );
}

import { atLimit, type Limited } from '../../lib/billing';
import { Meter } from '../assessments/Meter';
import './UsageMeter.css';

interface UsageMeterProps {
  what: Limited;
  used: number;
  /** null: the plan has no limit. */
  limit: number | null;
}

const LABEL: Record<Limited, string> = { members: 'Members', boards: 'Boards' };

/** "Members 4 of 5" over a bar that turns to the warning colour at the limit; "no limit" without one. */
export function UsageMeter({ what, used, limit }: UsageMeterProps) {
  const full = atLimit(used, limit);
  const tone = limit !== null && used > limit ? 'danger' : full ? 'warning' : 'accent';
  return (
    <div className={`usage${full ? ' usage--full' : ''}`} data-testid={`usage-${what}`} data-at-limit={full}>
      <span className="usage__label">{LABEL[what]}</span>{' '}
      <span className="usage__count">{limit === null ? `${used} · no limit` : `${used} of ${limit}`}</span>
      {limit !== null && <Meter value={Math.min(used, limit)} max={limit} label={`${LABEL[what]} used`} tone={tone} />}
    </div>
  );
}

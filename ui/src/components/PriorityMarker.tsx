import type { Priority } from '../api';
import { PRIORITY_LABEL } from '../lib/status';
import './PriorityMarker.css';

const BARS: Record<Exclude<Priority, 'urgent'>, number> = { none: 0, low: 1, medium: 2, high: 3 };

/** Signal bars for low…high, a filled "!" for urgent, faint dashes for none. */
export function PriorityMarker({ priority }: { priority: Priority }) {
  const label = PRIORITY_LABEL[priority];
  if (priority === 'urgent') {
    return (
      <span className="priority priority--urgent" role="img" aria-label={label} title={label}>
        !
      </span>
    );
  }
  const filled = BARS[priority];
  return (
    <span className={`priority priority--${priority}`} role="img" aria-label={label} title={label}>
      <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
        {[0, 1, 2].map((i) => (
          <rect
            key={i}
            x={1 + i * 4.5}
            y={9 - i * 3}
            width="3"
            height={4 + i * 3}
            rx="1"
            className={i < filled ? 'priority__bar priority__bar--on' : 'priority__bar'}
          />
        ))}
      </svg>
    </span>
  );
}

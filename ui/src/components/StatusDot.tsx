import type { Status } from '../api';
import './StatusDot.css';

/** The column's colour, as a small ring that fills up as work progresses. */
export function StatusDot({ status }: { status: Status }) {
  return <span className={`status-dot status-dot--${status}`} aria-hidden="true" />;
}

import { formatDue } from '../../lib/dates';
import './DueLabel.css';

/** "Due Mar 4", with an Overdue marker when the core says it is late. */
export function DueLabel({ due, overdue }: { due: string | null; overdue: boolean }) {
  return (
    <span className="due-label">
      {due ? <span className="due-label__date">Due {formatDue(due)}</span> : <span className="due-label__none">No due date</span>}
      {overdue && <OverdueBadge />}
    </span>
  );
}

export function OverdueBadge() {
  return (
    <span className="overdue-badge" data-testid="overdue-badge">
      Overdue
    </span>
  );
}

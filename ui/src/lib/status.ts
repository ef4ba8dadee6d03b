import type { Priority, Status } from '../api';

export const STATUSES: readonly Status[] = ['todo', 'in_progress', 'in_review', 'done'];

export const STATUS_LABEL: Record<Status, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  in_review: 'In review',
  done: 'Done',
};

export const PRIORITIES: readonly Priority[] = ['none', 'low', 'medium', 'high', 'urgent'];

export const PRIORITY_LABEL: Record<Priority, string> = {
  none: 'No priority',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  urgent: 'Urgent',
};

/** The neighbouring column, or null at either end of the board. */
export function adjacentStatus(status: Status, step: -1 | 1): Status | null {
  const next = STATUSES.indexOf(status) + step;
  return next >= 0 && next < STATUSES.length ? STATUSES[next] : null;
}

import type { TaskSummary } from '../api';

export interface PlannedMove {
  taskId: string;
  /** A column id of the board. */
  column: string;
  beforeTaskId: string | null;
}

/** One column's tasks in display order. */
export function columnTasks(tasks: readonly TaskSummary[], column: string): TaskSummary[] {
  return tasks.filter((t) => t.column === column).sort((a, b) => a.position - b.position);
}

/**
 * The task_move calls that put `taskId` at `index` of column `column`, where
 * `index` counts the column's cards without the moved one.
 *
 * task_move with `beforeTaskId: null` appends to another column but keeps the
 * position inside the same column, so "to the end of its own column" is done by
 * moving each card below it to just before it instead.
 */
export function planMove(
  tasks: readonly TaskSummary[],
  taskId: string,
  column: string,
  index: number,
): PlannedMove[] {
  const task = tasks.find((t) => t.id === taskId);
  if (!task) return [];
  const others = columnTasks(tasks, column).filter((t) => t.id !== taskId);
  const at = Math.max(0, Math.min(index, others.length));
  const before = others[at] ?? null;
  if (task.column !== column) return [{ taskId, column, beforeTaskId: before?.id ?? null }];

  const current = columnTasks(tasks, column);
  const from = current.findIndex((t) => t.id === taskId);
  if (at === from) return [];
  if (before) return [{ taskId, column, beforeTaskId: before.id }];
  return current.slice(from + 1).map((t) => ({ taskId: t.id, column, beforeTaskId: taskId }));
}

/**
 * Applies a move locally the way the backend will, so the card lands at once;
 * the backend's answer replaces this guess (and brings the column's status).
 */
export function applyMove(tasks: readonly TaskSummary[], move: PlannedMove): TaskSummary[] {
  const task = tasks.find((t) => t.id === move.taskId);
  if (!task) return [...tasks];
  const column = tasks.filter((t) => t.column === move.column && t.id !== task.id);
  let position: number;
  if (move.beforeTaskId) {
    const anchor = column.find((t) => t.id === move.beforeTaskId);
    if (!anchor) return [...tasks];
    const previous = column
      .filter((t) => t.position < anchor.position)
      .reduce<number | null>((acc, t) => (acc === null ? t.position : Math.max(acc, t.position)), null);
    position = previous === null ? anchor.position - 1 : (previous + anchor.position) / 2;
  } else if (task.column === move.column) {
    position = task.position;
  } else {
    position = column.reduce((acc, t) => Math.max(acc, t.position), 0) + 1;
  }
  return tasks.map((t) => (t.id === task.id ? { ...t, column: move.column, position } : t));
}

/** Keeps a list entry in step with a fresher copy of the task (a TaskDetail is a TaskSummary). */
export function replaceTask(tasks: readonly TaskSummary[], next: TaskSummary): TaskSummary[] {
  const summary = toSummary(next);
  return tasks.some((t) => t.id === next.id)
    ? tasks.map((t) => (t.id === next.id ? summary : t))
    : [...tasks, summary];
}

export function toSummary(task: TaskSummary): TaskSummary {
  const {
    id, boardId, title, status, column, position, assignee, assignees, start, due, estimateMinutes, priority, labels,
    parentId, dependsOn, subtaskCount, checklistDone, checklistTotal, blockedBy, commentCount, updatedAt,
  } = task;
  return {
    id, boardId, title, status, column, position, assignee, assignees, start, due, estimateMinutes, priority, labels,
    parentId, dependsOn, subtaskCount, checklistDone, checklistTotal, blockedBy, commentCount, updatedAt,
  };
}

// Swimlanes by assignee: a task sits in the lane of its first assignee.
import type { Member, TaskSummary } from '../api';

export interface Lane {
  /** The assignee's user id, or UNASSIGNED. */
  key: string;
  name: string;
  userId: string | null;
  tasks: TaskSummary[];
}

export const UNASSIGNED = 'unassigned';

/** One lane per first assignee, by name; "Unassigned" last (always there, so the columns show). */
export function groupLanes(tasks: readonly TaskSummary[], members: ReadonlyMap<string, Member>): Lane[] {
  const byUser = new Map<string, TaskSummary[]>();
  const unassigned: TaskSummary[] = [];
  for (const task of tasks) {
    const first = task.assignees[0] ?? task.assignee;
    if (!first) unassigned.push(task);
    else {
      const own = byUser.get(first);
      if (own) own.push(task);
      else byUser.set(first, [task]);
    }
  }
  const lanes = [...byUser].map(([userId, own]) => ({
    key: userId,
    name: members.get(userId)?.name ?? 'Former member',
    userId,
    tasks: own,
  }));
  lanes.sort((a, b) => a.name.localeCompare(b.name));
  return [...lanes, { key: UNASSIGNED, name: 'Unassigned', userId: null, tasks: unassigned }];
}

/** The lane a task sits in. */
export function laneKeyOf(task: TaskSummary): string {
  return task.assignees[0] ?? task.assignee ?? UNASSIGNED;
}

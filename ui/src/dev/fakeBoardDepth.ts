// The parts of "Boards in depth" (docs/ipc.md) that the fake core checks the
// same way wherever they arrive: a board's default columns, a TaskQuery (for
// task_query and view_save) and how a task matches one, a WIP limit, an estimate.
import type { Column, Priority, Status, TaskQuery, TaskSummary } from '../api/types';
import { checkedDate, type FakeHost } from './fakeHost';

const STATUSES: Status[] = ['todo', 'in_progress', 'in_review', 'done'];
const PRIORITIES: Priority[] = ['none', 'low', 'medium', 'high', 'urgent'];
const MAX_ESTIMATE = 100_000;

/** A new board's columns: the default ones' ids are the status names. */
export function defaultColumns(): Column[] {
  return [
    { id: 'todo', name: 'To do', status: 'todo', wipLimit: null },
    { id: 'in_progress', name: 'In progress', status: 'in_progress', wipLimit: null },
    { id: 'in_review', name: 'In review', status: 'in_review', wipLimit: null },
    { id: 'done', name: 'Done', status: 'done', wipLimit: null },
  ];
}

export function checkedStatus(fail: FakeHost['fail'], raw: unknown): Status {
  return STATUSES.includes(raw as Status) ? (raw as Status) : fail('invalid_input', `unknown status ${String(raw)}`);
}

/** null (no limit) or a whole number of at least 1. */
export function checkedWipLimit(fail: FakeHost['fail'], raw: unknown): number | null {
  if (raw === null || raw === undefined) return null;
  return Number.isInteger(raw) && (raw as number) >= 1 ? (raw as number) : fail('invalid_input', 'a WIP limit is a whole number of at least 1');
}

/** null, or whole minutes from 1 to 100000. */
export function checkedEstimate(fail: FakeHost['fail'], raw: unknown): number | null {
  if (raw === null) return null;
  return Number.isInteger(raw) && (raw as number) >= 1 && (raw as number) <= MAX_ESTIMATE
    ? (raw as number)
    : fail('invalid_input', `an estimate is from 1 to ${MAX_ESTIMATE} minutes`);
}

/** The query as the core reads it: known fields only, each of its type. */
export function checkedQuery(fail: FakeHost['fail'], raw: unknown): TaskQuery {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('invalid_input', 'a query must be an object');
  const query: TaskQuery = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    switch (key) {
      case 'teamId':
      case 'boardId':
      case 'column':
      case 'assignee':
      case 'label':
      case 'parentId':
        if (typeof value !== 'string') fail('invalid_input', `\`${key}\` must be a string`);
        query[key] = key === 'label' ? (value as string).trim().toLowerCase() : (value as string);
        break;
      case 'status':
        query.status = checkedStatus(fail, value);
        break;
      case 'priority':
        if (!PRIORITIES.includes(value as Priority)) fail('invalid_input', 'unknown priority');
        query.priority = value as Priority;
        break;
      case 'dueBefore':
        query.dueBefore = checkedDate(fail, String(value));
        break;
      case 'overdue':
      case 'blocked':
        if (typeof value !== 'boolean') fail('invalid_input', `\`${key}\` must be true or false`);
        query[key] = value as boolean;
        break;
      default:
        fail('invalid_input', `unknown field \`${key}\``);
    }
  }
  return query;
}

/** Whether a task passes every field of the query (`teamId` and `boardId` pick the boards beforehand). */
export function matchesQuery(task: TaskSummary, query: TaskQuery, today: string): boolean {
  if (query.status !== undefined && task.status !== query.status) return false;
  if (query.column !== undefined && task.column !== query.column) return false;
  if (query.assignee !== undefined && !task.assignees.includes(query.assignee)) return false;
  if (query.label !== undefined && !task.labels.includes(query.label)) return false;
  if (query.priority !== undefined && task.priority !== query.priority) return false;
  if (query.dueBefore !== undefined && (task.due === null || task.due > query.dueBefore)) return false;
  if (query.overdue !== undefined && (task.status !== 'done' && task.due !== null && task.due < today) !== query.overdue) return false;
  if (query.blocked !== undefined && task.blockedBy.length > 0 !== query.blocked) return false;
  if (query.parentId !== undefined && task.parentId !== query.parentId) return false;
  return true;
}

// A board's filter: the TaskQuery fields that narrow what the board shows (the
// board itself is added when it runs), the built-in presets, and saved views.
import type { SavedView, TaskQuery } from '../api';

export type BoardFilter = Omit<TaskQuery, 'teamId' | 'boardId'>;

export interface Preset {
  id: string;
  name: string;
  filter: BoardFilter;
}

/** Only the fields that narrow: undefined and empty strings are left out. */
export function cleanFilter(filter: BoardFilter): BoardFilter {
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== null && value !== '') clean[key] = value;
  }
  return clean as BoardFilter;
}

export function isFilterActive(filter: BoardFilter): boolean {
  return Object.keys(cleanFilter(filter)).length > 0;
}

/** The same text for the same filter, whatever order its fields were set in. */
export function filterKey(filter: BoardFilter): string {
  const clean = cleanFilter(filter) as Record<string, unknown>;
  return JSON.stringify(Object.keys(clean).sort().map((k) => [k, clean[k]]));
}

export function sameFilter(a: BoardFilter, b: BoardFilter): boolean {
  return filterKey(a) === filterKey(b);
}

/** A saved view's query as this board's filter (its board and team are this board's anyway). */
export function viewFilter(view: SavedView): BoardFilter {
  const { teamId: _team, boardId: _board, ...rest } = view.query;
  return cleanFilter(rest);
}

/** The built-in views: My tasks (when I am known), Overdue, Blocked. */
export function presets(me: string | undefined): Preset[] {
  const list: Preset[] = [];
  if (me) list.push({ id: 'mine', name: 'My tasks', filter: { assignee: me } });
  list.push({ id: 'overdue', name: 'Overdue', filter: { overdue: true } });
  list.push({ id: 'blocked', name: 'Blocked', filter: { blocked: true } });
  return list;
}

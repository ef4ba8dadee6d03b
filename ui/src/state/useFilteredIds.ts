import { useEffect, useMemo, useRef } from 'react';
import { api, type TaskSummary } from '../api';
import { cleanFilter, filterKey, isFilterActive, type BoardFilter } from '../lib/boardFilter';
import { useResource } from './useResource';
import { useToasts } from './toasts';

/**
 * The ids of the board's tasks that pass the filter, from task_query: null
 * while no filter is set (everything shows), undefined until the first answer.
 * It runs again whenever the board's tasks change, so an edit that takes a
 * task out of the filter (or brings one in) shows at once.
 */
export function useFilteredIds(
  boardId: string,
  filter: BoardFilter,
  tasks: readonly TaskSummary[] | undefined,
): ReadonlySet<string> | null | undefined {
  const { showError } = useToasts();
  const active = isFilterActive(filter);
  const query = useResource(
    active ? `task-query:${boardId}:${filterKey(filter)}` : null,
    () => api.taskQuery({ ...cleanFilter(filter), boardId }),
    showError,
  );
  const { reload } = query;
  const seen = useRef(tasks);
  useEffect(() => {
    if (seen.current === tasks) return;
    seen.current = tasks;
    if (active) void reload();
  }, [tasks, active, reload]);

  const ids = useMemo(() => (query.data ? new Set(query.data.map((t) => t.id)) : undefined), [query.data]);
  return active ? ids : null;
}

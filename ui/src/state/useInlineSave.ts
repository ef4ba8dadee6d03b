import { useCallback, useState } from 'react';
import { api, type AppError, type KnownErrorCode, type TaskDetail, type TaskPatch } from '../api';
import type { TaskActions } from './useTaskActions';

/**
 * Saves a field of the open task and keeps the refusals that belong to the
 * field (matched by code) beside it, instead of in a toast; anything else is
 * handled like every task write.
 */
export function useInlineSave(task: TaskDetail, actions: TaskActions, codes: readonly KnownErrorCode[]) {
  const [error, setError] = useState<AppError | null>(null);
  const { boardId, id } = task;
  const { write } = actions;
  const save = useCallback(
    async (patch: TaskPatch) => {
      setError(null);
      const saved = await write(
        () => api.taskUpdate(boardId, id, patch),
        (e) => {
          if (!(codes as readonly string[]).includes(e.code)) return false;
          setError(e);
          return true;
        },
      );
      return saved !== null;
    },
    [boardId, id, write, codes],
  );
  return { save, error };
}

import { useCallback, useMemo, useRef } from 'react';
import { api, toAppError, type AppError, type TaskDetail, type TaskPatch, type TaskSummary } from '../api';
import { applyMove, replaceTask, type PlannedMove } from '../lib/ordering';
import type { Resource } from './useResource';
import { useConfirm } from './confirm';
import { useToasts } from './toasts';

export interface TaskActions {
  /** Resolves with the new task in that column, or null when it could not be created. */
  create: (column: string, title: string) => Promise<TaskDetail | null>;
  /** Runs planned moves in order; a blocked move to Done asks before forcing. */
  move: (moves: PlannedMove[]) => Promise<boolean>;
  update: (taskId: string, patch: TaskPatch) => Promise<boolean>;
  remove: (taskId: string) => Promise<boolean>;
  comment: (taskId: string, body: string) => Promise<boolean>;
  /**
   * Runs any write that answers with a task (a checklist edit, a dependency, a
   * restored description…) and puts the answer on screen. A failure is shown,
   * unless `handled` takes it to show beside its field, and everything is re-read.
   * Resolves with the task, or null when the write failed.
   */
  write: (change: () => Promise<TaskDetail>, handled?: (error: AppError) => boolean) => Promise<TaskDetail | null>;
  /** Re-reads the board's tasks and the open task (after a write that changes other tasks too). */
  refresh: () => Promise<void>;
}

/** Quotes a list of titles the way a sentence reads: “A”, “B” and “C”. */
function quoteList(titles: string[]): string {
  const quoted = titles.map((t) => `“${t}”`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/**
 * Every task write goes through here, so each failure is handled the same way:
 * show the message, then re-read the board and the open task so nothing is left
 * half-changed on screen.
 */
export function useTaskActions(
  boardId: string | null,
  tasks: Resource<TaskSummary[]>,
  detail: Resource<TaskDetail>,
): TaskActions {
  const { showError } = useToasts();
  const confirm = useConfirm();
  const tasksRef = useRef(tasks.data);
  tasksRef.current = tasks.data;
  // Only the stable functions are used, so the actions keep their identity.
  const { reload: reloadTasks, mutate: mutateTasks } = tasks;
  const { reload: reloadDetail, mutate: mutateDetail } = detail;

  const refresh = useCallback(async () => {
    await Promise.all([reloadTasks(), reloadDetail()]);
  }, [reloadTasks, reloadDetail]);

  const fail = useCallback(
    async (error: unknown) => {
      showError(error);
      await refresh();
    },
    [showError, refresh],
  );

  /** Puts a command's answer on screen without waiting for a re-read. */
  const apply = useCallback(
    (task: TaskDetail) => {
      mutateTasks((list) => replaceTask(list, task));
      mutateDetail((open) => (open.id === task.id ? task : open));
    },
    [mutateTasks, mutateDetail],
  );

  const moveOne = useCallback(
    async (move: PlannedMove, force: boolean): Promise<'ok' | 'cancelled' | 'failed'> => {
      if (!boardId) return 'failed';
      const before = tasksRef.current?.find((t) => t.id === move.taskId);
      try {
        const task = await api.taskMove({ boardId, ...move, force });
        apply(task);
        // Other cards' "Blocked" state depends on which tasks are done.
        if (before && (before.status === 'done') !== (task.status === 'done')) void reloadTasks();
        return 'ok';
      } catch (raw) {
        const error = toAppError(raw);
        if (error.code !== 'task_blocked' || force) {
          await fail(error);
          return 'failed';
        }
        const list = tasksRef.current ?? [];
        const blockers = (before?.blockedBy ?? [])
          .map((id) => list.find((t) => t.id === id)?.title)
          .filter((t): t is string => Boolean(t));
        // Put the card back where it was while the question is open.
        void refresh();
        const ok = await confirm({
          title: 'Move a blocked task to Done?',
          message: blockers.length
            ? `This task is blocked by ${quoteList(blockers)}. Move it to Done anyway?`
            : 'This task is blocked by unfinished tasks it depends on. Move it to Done anyway?',
          confirmLabel: 'Move to Done',
          cancelLabel: 'Keep it here',
        });
        if (!ok) return 'cancelled';
        mutateTasks((l) => applyMove(l, move));
        return moveOne(move, true);
      }
    },
    [boardId, apply, fail, refresh, confirm, mutateTasks, reloadTasks],
  );

  const move = useCallback(
    async (moves: PlannedMove[]) => {
      for (const m of moves) mutateTasks((list) => applyMove(list, m));
      for (const m of moves) {
        const outcome = await moveOne(m, false);
        if (outcome !== 'ok') return false;
      }
      return true;
    },
    [mutateTasks, moveOne],
  );

  const create = useCallback(
    async (column: string, title: string) => {
      if (!boardId) return null;
      try {
        const task = await api.taskCreate(boardId, title, { column });
        mutateTasks((list) => replaceTask(list, task));
        return task;
      } catch (error) {
        await fail(error);
        return null;
      }
    },
    [boardId, mutateTasks, fail],
  );

  const update = useCallback(
    async (taskId: string, patch: TaskPatch) => {
      if (!boardId) return false;
      try {
        apply(await api.taskUpdate(boardId, taskId, patch));
        return true;
      } catch (error) {
        await fail(error);
        return false;
      }
    },
    [boardId, apply, fail],
  );

  const remove = useCallback(
    async (taskId: string) => {
      if (!boardId) return false;
      try {
        await api.taskDelete(boardId, taskId);
        mutateTasks((list) => list.filter((t) => t.id !== taskId));
        // Tasks that depended on it may no longer be blocked.
        void reloadTasks();
        return true;
      } catch (error) {
        await fail(error);
        return false;
      }
    },
    [boardId, mutateTasks, reloadTasks, fail],
  );

  const write = useCallback(
    async (change: () => Promise<TaskDetail>, handled?: (error: AppError) => boolean) => {
      try {
        const task = await change();
        apply(task);
        return task;
      } catch (raw) {
        const error = toAppError(raw);
        if (handled?.(error)) await refresh();
        else await fail(error);
        return null;
      }
    },
    [apply, fail, refresh],
  );

  const comment = useCallback(
    async (taskId: string, body: string) => {
      if (!boardId) return false;
      try {
        const added = await api.commentAdd(boardId, taskId, body);
        mutateDetail((open) =>
          open.id === taskId
            ? { ...open, comments: [...open.comments, added], commentCount: open.commentCount + 1 }
            : open,
        );
        mutateTasks((list) =>
          list.map((t) => (t.id === taskId ? { ...t, commentCount: t.commentCount + 1 } : t)),
        );
        return true;
      } catch (error) {
        await fail(error);
        return false;
      }
    },
    [boardId, mutateDetail, mutateTasks, fail],
  );

  return useMemo(
    () => ({
      create,
      move,
      update,
      remove,
      comment,
      write,
      refresh,
    }),
    [create, move, update, remove, comment, write, refresh],
  );
}

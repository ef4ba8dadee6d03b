import { useCallback } from 'react';
import { api, type BoardDetail, type ColumnChanges, type Status, type TaskQuery } from '../api';
import { useAttempt } from './useAttempt';
import { useDocChanged } from './useDocChanged';
import { useResource } from './useResource';
import { useToasts } from './toasts';

export interface BoardLayout {
  /** The board's columns (in board order) and saved views; undefined until read. */
  detail: BoardDetail | undefined;
  /** Each write resolves true when it went through; a refusal is shown and everything re-read. */
  addColumn: (name: string, status: Status, wipLimit: number | null) => Promise<boolean>;
  updateColumn: (columnId: string, changes: ColumnChanges) => Promise<boolean>;
  /** Before `beforeColumnId`; null: last. */
  moveColumn: (columnId: string, beforeColumnId: string | null) => Promise<boolean>;
  deleteColumn: (columnId: string, moveTo: string) => Promise<boolean>;
  saveView: (name: string, query: TaskQuery) => Promise<boolean>;
  deleteView: (viewId: string) => Promise<boolean>;
}

/**
 * A board's layout (board_get), read again on every `doc-changed` of that
 * board. Column writes that move tasks (a new category, a deleted column) also
 * call `onTasksStale`, so the cards follow.
 */
export function useBoardDetail(boardId: string, onTasksStale: () => unknown): BoardLayout {
  const { showError } = useToasts();
  const attempt = useAttempt();
  const board = useResource(`board:${boardId}`, () => api.boardGet(boardId), showError);
  const { reload, mutate } = board;

  useDocChanged((changes) => {
    if (changes.some((c) => c.docId === boardId)) void reload();
  });

  const write = useCallback(
    (change: () => Promise<BoardDetail>, movesTasks: boolean) =>
      attempt(
        async () => {
          const next = await change();
          mutate(() => next);
          if (movesTasks) void onTasksStale();
        },
        () => Promise.all([reload(), onTasksStale()]),
      ),
    [attempt, mutate, reload, onTasksStale],
  );

  return {
    detail: board.data,
    addColumn: (name, status, wipLimit) => write(() => api.columnAdd(boardId, name, status, wipLimit), false),
    updateColumn: (columnId, changes) =>
      write(() => api.columnUpdate(boardId, columnId, changes), changes.status !== undefined),
    moveColumn: (columnId, beforeColumnId) => write(() => api.columnMove(boardId, columnId, beforeColumnId), false),
    deleteColumn: (columnId, moveTo) => write(() => api.columnDelete(boardId, columnId, moveTo), true),
    saveView: (name, query) => write(() => api.viewSave(boardId, name, query), false),
    deleteView: (viewId) => write(() => api.viewDelete(boardId, viewId), false),
  };
}

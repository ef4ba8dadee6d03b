import { useCallback, useState } from 'react';
import { api, hasCode, type BulkAction } from '../api';
import { explainError } from '../lib/errorText';
import { useConfirm } from './confirm';
import { useToasts } from './toasts';

/** What a bulk edit is doing, for the busy state. */
export interface BulkBusy {
  kind: BulkAction['kind'];
  count: number;
}

const DONE: Record<BulkAction['kind'], string> = {
  move: 'Moved',
  assign: 'Assigned',
  label: 'Labelled',
  delete: 'Deleted',
};

export const tasksWord = (n: number) => `${n} ${n === 1 ? 'task' : 'tasks'}`;

/**
 * Runs bulk_edit on a board: one batch, so a refusal leaves every task as it
 * was. Moving blocked tasks to Done asks first and retries with force; a
 * finished edit offers Undo (bulk_undo) on its toast. `onChanged` re-reads the board.
 */
export function useBulkEdit(boardId: string | null, onChanged: () => unknown) {
  const { showError, showInfo } = useToasts();
  const confirm = useConfirm();
  const [busy, setBusy] = useState<BulkBusy | null>(null);

  const undo = useCallback(
    async (undoId: string) => {
      try {
        const n = await api.bulkUndo(undoId);
        showInfo(`Put back ${tasksWord(n)}`);
      } catch (error) {
        showError(explainError(error));
      }
      void onChanged();
    },
    [onChanged, showError, showInfo],
  );

  /** Resolves true when the edit went through. */
  const run = useCallback(
    async (taskIds: string[], action: BulkAction): Promise<boolean> => {
      if (!boardId || taskIds.length === 0) return false;
      setBusy({ kind: action.kind, count: taskIds.length });
      try {
        let result;
        try {
          result = await api.bulkEdit(boardId, taskIds, action);
        } catch (error) {
          if (!(action.kind === 'move' && !action.force && hasCode(error, 'task_blocked'))) throw error;
          const ok = await confirm({
            title: 'Move blocked tasks to Done?',
            message: 'Some of these tasks depend on tasks that are not finished yet. Move them all to Done anyway?',
            confirmLabel: 'Move anyway',
          });
          if (!ok) return false;
          result = await api.bulkEdit(boardId, taskIds, { ...action, force: true });
        }
        const { undoId, changed } = result;
        showInfo(`${DONE[action.kind]} ${tasksWord(changed)}`, { label: 'Undo', run: () => void undo(undoId) });
        void onChanged();
        return true;
      } catch (error) {
        showError(explainError(error));
        void onChanged();
        return false;
      } finally {
        setBusy(null);
      }
    },
    [boardId, confirm, onChanged, showError, showInfo, undo],
  );

  return { run, busy };
}

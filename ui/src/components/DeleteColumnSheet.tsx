import { useId, useState, type FormEvent } from 'react';
import type { Column } from '../api';
import { tasksWord } from '../state/useBulkEdit';
import { Field } from './Field';
import { FormActions } from './FormActions';
import { SheetDialog } from './SheetDialog';

interface DeleteColumnSheetProps {
  column: Column;
  /** The other columns of the board, in board order. */
  others: Column[];
  taskCount: number;
  /** Resolves true when the column went. */
  onDelete: (moveTo: string) => Promise<boolean>;
  onClose: () => void;
}

/** Deleting a column asks where its cards go. */
export function DeleteColumnSheet({ column, others, taskCount, onDelete, onClose }: DeleteColumnSheetProps) {
  const moveId = useId();
  const [moveTo, setMoveTo] = useState(others[0]?.id ?? '');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !moveTo) return;
    setBusy(true);
    const ok = await onDelete(moveTo);
    setBusy(false);
    if (ok) onClose();
  };

  return (
    <SheetDialog title={`Delete column “${column.name}”?`} testId="delete-column-sheet" onClose={onClose}>
      <form className="sheet-dialog__form" onSubmit={submit}>
        <p className="sheet-dialog__hint">
          {taskCount === 0
            ? 'It holds no tasks.'
            : `Its ${tasksWord(taskCount)} move to the column you pick; nothing is deleted but the column.`}
        </p>
        {taskCount > 0 && (
          <Field htmlFor={moveId} label="Move its tasks to">
            <select id={moveId} className="select" data-testid="delete-column-move-to" value={moveTo} onChange={(e) => setMoveTo(e.target.value)}>
              {others.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <FormActions
          className="sheet-dialog__actions"
          submitLabel="Delete column"
          submitTestId="delete-column-confirm"
          disabled={busy || !moveTo}
          onCancel={onClose}
        />
      </form>
    </SheetDialog>
  );
}

import { useId, useState, type FormEvent } from 'react';
import type { Column, Status } from '../api';
import { STATUSES, STATUS_LABEL } from '../lib/status';
import { Field, FieldError } from './Field';
import { FormActions } from './FormActions';
import { SheetDialog } from './SheetDialog';

export interface ColumnValues {
  name: string;
  status: Status;
  wipLimit: number | null;
}

interface ColumnSheetProps {
  /** The column to edit; none: a new column. */
  column?: Column;
  /** Resolves true when the board took it (a refusal is shown as a toast and the sheet stays). */
  onSave: (values: ColumnValues) => Promise<boolean>;
  onClose: () => void;
}

/** Adds a column, or edits one: its name, its category (what moving a card there means), its WIP limit. */
export function ColumnSheet({ column, onSave, onClose }: ColumnSheetProps) {
  const ids = { name: useId(), status: useId(), wip: useId(), wipHint: useId() };
  const [name, setName] = useState(column?.name ?? '');
  const [status, setStatus] = useState<Status>(column?.status ?? 'in_progress');
  const [wip, setWip] = useState(column?.wipLimit == null ? '' : String(column.wipLimit));
  const [busy, setBusy] = useState(false);

  const limit = wip.trim() === '' ? null : Number(wip);
  const limitValid = limit === null || (Number.isInteger(limit) && limit >= 1);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !limitValid) return;
    setBusy(true);
    const ok = await onSave({ name, status, wipLimit: limit });
    setBusy(false);
    if (ok) onClose();
  };

  return (
    <SheetDialog title={column ? `Edit column “${column.name}”` : 'Add a column'} testId="column-sheet" onClose={onClose}>
      <form className="sheet-dialog__form" onSubmit={submit}>
        <Field htmlFor={ids.name} label="Name">
          <input
            id={ids.name}
            className="input"
            data-testid="column-name-input"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <Field htmlFor={ids.status} label="Category">
          <select
            id={ids.status}
            className="select"
            data-testid="column-status-select"
            value={status}
            onChange={(e) => setStatus(e.target.value as Status)}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field htmlFor={ids.wip} label="WIP limit">
          <input
            id={ids.wip}
            className="input"
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            placeholder="No limit"
            data-testid="column-wip-input"
            aria-describedby={ids.wipHint}
            aria-invalid={!limitValid || undefined}
            value={wip}
            onChange={(e) => setWip(e.target.value)}
          />
          <FieldError message={limitValid ? null : 'A WIP limit is a whole number of at least 1.'} testId="column-wip-error" />
          <p id={ids.wipHint} className="sheet-dialog__hint">
            Leave empty for no limit. Over the limit, the column warns; cards still move in.
          </p>
        </Field>
        <FormActions
          className="sheet-dialog__actions"
          submitLabel={column ? 'Save' : 'Add column'}
          submitTestId="column-save"
          disabled={busy || !limitValid}
          onCancel={onClose}
        />
      </form>
    </SheetDialog>
  );
}

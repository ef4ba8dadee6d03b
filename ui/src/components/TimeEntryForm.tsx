import { useId, useState, type FormEvent } from 'react';
import { api, hasCode, toAppError, type TimeEntry } from '../api';
import { fromLocalInput, toLocalInput } from '../lib/durations';
import { useToasts } from '../state/toasts';
import { Field, FieldError } from './Field';
import { FormActions } from './FormActions';

interface TimeEntryFormProps {
  boardId: string;
  taskId: string;
  onAdded: (entry: TimeEntry) => void;
  onCancel: () => void;
}

/** Time worked without the timer: a start, an end and a note. */
export function TimeEntryForm({ boardId, taskId, onAdded, onCancel }: TimeEntryFormProps) {
  const { showError } = useToasts();
  const ids = { start: useId(), end: useId(), note: useId(), error: useId() };
  const [start, setStart] = useState(() => toLocalInput(Date.now() - 3_600_000));
  const [end, setEnd] = useState(() => toLocalInput(Date.now()));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const startedAt = fromLocalInput(start);
    const endedAt = fromLocalInput(end);
    if (startedAt === null || endedAt === null) {
      setError('Enter both a start and an end.');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      onAdded(await api.timeEntryAdd(boardId, taskId, { startedAt, endedAt, note: note.trim() || undefined }));
    } catch (e) {
      // The core says what is wrong with the span (ends before it starts, longer than a week).
      if (hasCode(e, 'invalid_input')) setError(toAppError(e).message);
      else showError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="time__form" data-testid="time-add-form" onSubmit={(event) => void submit(event)}>
      <div className="time__span">
        <Field htmlFor={ids.start} label="Start">
          <input
            id={ids.start}
            className="input"
            type="datetime-local"
            data-testid="time-add-start"
            value={start}
            aria-describedby={error ? ids.error : undefined}
            onChange={(e) => setStart(e.target.value)}
          />
        </Field>
        <Field htmlFor={ids.end} label="End">
          <input
            id={ids.end}
            className="input"
            type="datetime-local"
            data-testid="time-add-end"
            value={end}
            aria-describedby={error ? ids.error : undefined}
            onChange={(e) => setEnd(e.target.value)}
          />
        </Field>
      </div>
      <Field htmlFor={ids.note} label="Note">
        <input id={ids.note} className="input" data-testid="time-add-note" value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <FieldError id={ids.error} message={error} testId="time-add-error" />
      <FormActions className="time__actions" submitLabel="Add entry" submitTestId="time-add-submit" disabled={saving} onCancel={onCancel} />
    </form>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { Field } from '../Field';

interface RunAgainFormProps {
  run: number;
  assignedCount: number;
  /** Resolves true when the next run was made. */
  onRun: (due: string | undefined) => Promise<boolean>;
}

/** Starts the next run of the series: the same questions for the same people, with a new due date. */
export function RunAgainForm({ run, assignedCount, onRun }: RunAgainFormProps) {
  const [due, setDue] = useState('');
  const [busy, setBusy] = useState(false);
  const dueId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    await onRun(due || undefined);
    setBusy(false);
  };
  return (
    <form className="sheet" onSubmit={submit} aria-labelledby="run-again-title" data-testid="run-again-form">
      <h3 id="run-again-title" className="sheet__title">
        Run again
      </h3>
      <p className="sheet__hint">
        Run {run + 1} asks the same questions of the same {assignedCount === 1 ? 'person' : `${assignedCount} people`}, so you can follow
        the trend.
      </p>
      <div className="assign-form__footer" style={{ marginTop: 'var(--space-3)' }}>
        <Field htmlFor={dueId} label={`Due date for run ${run + 1}`} className="assign-form__due">
          <input id={dueId} className="input" type="date" data-testid="run-again-due" value={due} onChange={(e) => setDue(e.target.value)} />
        </Field>
        <button type="submit" className="button" data-testid="run-again-submit" disabled={busy}>
          Start run {run + 1}
        </button>
      </div>
    </form>
  );
}

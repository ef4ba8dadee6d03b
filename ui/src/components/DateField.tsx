import { useDraft } from '../state/useDraft';
import { CloseIcon } from './icons';

interface DateFieldProps {
  id: string;
  /** The saved day (YYYY-MM-DD), or null. */
  value: string | null;
  /** `task-due` gives task-due-input and task-due-clear. */
  testId: string;
  /** The clear button's name: "Clear due date". */
  clearLabel: string;
  /** The field's error, when it shows one. */
  describedBy?: string;
  /** Resolves true when the day was saved; null clears it. */
  onSave: (value: string | null) => Promise<boolean>;
}

/** A day of the task: saved on blur or Enter, with a button to clear it. */
export function DateField({ id, value, testId, clearLabel, describedBy, onSave }: DateFieldProps) {
  const { draft, setDraft, editing, serverRef } = useDraft(value ?? '');

  // Saved on blur or Enter, not on every change: while a date is typed the
  // field passes through values that are not the date the user means.
  const commit = async (next: string) => {
    editing.current = false;
    if (next === serverRef.current) return;
    if (!(await onSave(next === '' ? null : next))) setDraft(serverRef.current);
  };

  return (
    <div className="due">
      <input
        id={id}
        className="input due__input"
        type="date"
        data-testid={`${testId}-input`}
        value={draft}
        aria-describedby={describedBy}
        onFocus={() => {
          editing.current = true;
        }}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={(event) => void commit(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void commit(event.currentTarget.value);
          }
        }}
      />
      {value && (
        <button
          type="button"
          className="icon-button icon-button--sm"
          aria-label={clearLabel}
          title={clearLabel}
          data-testid={`${testId}-clear`}
          onClick={() => {
            setDraft('');
            void commit('');
          }}
        >
          <CloseIcon size={12} />
        </button>
      )}
    </div>
  );
}

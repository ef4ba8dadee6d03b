import { useState } from 'react';

interface AddLineFormProps {
  placeholder: string;
  /** Accessible name of the text field. */
  label: string;
  inputTestId: string;
  submitTestId: string;
  /** Gets the trimmed, non-empty line; resolves true when it was saved, and the field then clears. */
  onAdd: (value: string) => Promise<boolean>;
}

/** One line of text and an Add button, for appending to a task's list (checklist items, subtasks). */
export function AddLineForm({ placeholder, label, inputTestId, submitTestId, onAdd }: AddLineFormProps) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  const add = async () => {
    const value = text.trim();
    if (!value || busy) return;
    setBusy(true);
    const saved = await onAdd(value);
    setBusy(false);
    if (saved) setText('');
  };

  return (
    <form
      className="checklist__add"
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      <input
        className="input"
        value={text}
        placeholder={placeholder}
        aria-label={label}
        data-testid={inputTestId}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="button" data-testid={submitTestId} disabled={busy || !text.trim()}>
        Add
      </button>
    </form>
  );
}

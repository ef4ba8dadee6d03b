import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AssignmentView } from '../../api';
import { formatDue } from '../../lib/dates';
import { PencilIcon } from '../icons';
import { OverdueBadge } from './DueLabel';
import './DueEditor.css';

interface DueEditorProps {
  assignment: AssignmentView;
  /** Resolves true when the new due date (or none) was saved. */
  onSave: (due: string | null) => Promise<boolean>;
}

/** One assignee's due date, with a small form to move it or take it away. */
export function DueEditor({ assignment: a, onSave }: DueEditorProps) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(a.due ?? '');
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    if (editing) inputRef.current?.focus();
    else if (wasEditing.current) editRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const open = () => {
    setValue(a.due ?? '');
    setEditing(true);
  };

  const save = async (due: string | null) => {
    if (busy) return;
    setBusy(true);
    const ok = await onSave(due);
    setBusy(false);
    if (ok) setEditing(false);
    else inputRef.current?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(value || null);
  };

  if (!editing) {
    return (
      <span className="due-editor">
        <span>{a.due ? formatDue(a.due) : '–'}</span>
        {a.overdue && <OverdueBadge />}
        <button
          ref={editRef}
          type="button"
          className="icon-button icon-button--sm due-editor__edit"
          data-testid={`due-edit-${a.userId}`}
          aria-label={`Change the due date for ${a.name}`}
          title="Change the due date"
          onClick={open}
        >
          <PencilIcon size={12} />
        </button>
      </span>
    );
  }
  return (
    <form className="due-editor due-editor--form" onSubmit={submit} data-testid={`due-form-${a.userId}`}>
      <input
        ref={inputRef}
        className="input due-editor__input"
        type="date"
        aria-label={`Due date for ${a.name}`}
        data-testid={`due-input-${a.userId}`}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            setEditing(false);
          }
        }}
      />
      <button type="submit" className="button button--primary" data-testid={`due-save-${a.userId}`} disabled={busy}>
        Save
      </button>
      {a.due && (
        <button
          type="button"
          className="button button--ghost"
          data-testid={`due-clear-${a.userId}`}
          disabled={busy}
          onClick={() => void save(null)}
        >
          No due date
        </button>
      )}
      <button type="button" className="button button--ghost" onClick={() => setEditing(false)} disabled={busy}>
        Cancel
      </button>
    </form>
  );
}

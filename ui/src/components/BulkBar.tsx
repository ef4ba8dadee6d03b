import { useId, useState, type FormEvent } from 'react';
import type { BulkAction, Column, Member } from '../api';
import { useConfirm } from '../state/confirm';
import { tasksWord, type BulkBusy } from '../state/useBulkEdit';
import './BulkBar.css';

const BUSY: Record<BulkAction['kind'], string> = {
  move: 'Moving',
  assign: 'Assigning',
  label: 'Labelling',
  delete: 'Deleting',
};

interface BulkBarProps {
  count: number;
  /** The board's columns, in board order. */
  columns: Column[];
  members: Member[];
  busy: BulkBusy | null;
  onRun: (action: BulkAction) => void;
  onClear: () => void;
}

/** What can be done to every selected card at once. */
export function BulkBar({ count, columns, members, busy, onRun, onClear }: BulkBarProps) {
  const confirm = useConfirm();
  const ids = { move: useId(), assign: useId(), label: useId() };
  const [label, setLabel] = useState('');

  const addLabel = (event: FormEvent) => {
    event.preventDefault();
    const value = label.trim();
    if (!value) return;
    onRun({ kind: 'label', label: value });
    setLabel('');
  };

  const remove = async () => {
    const ok = await confirm({
      title: `Delete ${tasksWord(count)}?`,
      message: `The selected ${tasksWord(count)} and their comments will be deleted. You can undo this right after.`,
      confirmLabel: 'Delete',
      tone: 'danger',
    });
    if (ok) onRun({ kind: 'delete' });
  };

  return (
    <div className="bulk-bar" data-testid="bulk-bar" role="toolbar" aria-label="Selected tasks" aria-busy={busy !== null}>
      {busy ? (
        <span className="bulk-bar__busy" data-testid="bulk-busy" role="status">
          <span className="bulk-bar__spinner" aria-hidden="true" />
          {BUSY[busy.kind]} {tasksWord(busy.count)}…
        </span>
      ) : (
        <>
          <span className="bulk-bar__count" data-testid="bulk-count">
            {count} selected
          </span>
          <label className="visually-hidden" htmlFor={ids.move}>
            Move to
          </label>
          <select
            id={ids.move}
            className="select bulk-bar__select"
            data-testid="bulk-move"
            value=""
            onChange={(e) => e.target.value && onRun({ kind: 'move', column: e.target.value, force: false })}
          >
            <option value="">Move to…</option>
            {columns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <label className="visually-hidden" htmlFor={ids.assign}>
            Assign to
          </label>
          <select
            id={ids.assign}
            className="select bulk-bar__select"
            data-testid="bulk-assign"
            value=""
            onChange={(e) => {
              const value = e.target.value;
              if (value) onRun({ kind: 'assign', assignee: value === '-' ? null : value });
            }}
          >
            <option value="">Assign to…</option>
            <option value="-">Nobody</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </select>
          <form className="bulk-bar__label" onSubmit={addLabel}>
            <label className="visually-hidden" htmlFor={ids.label}>
              Label to add
            </label>
            <input
              id={ids.label}
              className="input bulk-bar__input"
              data-testid="bulk-label-input"
              placeholder="Add label"
              value={label}
              onChange={(e) => setLabel(e.target.value)}
            />
            <button type="submit" className="button" data-testid="bulk-label-submit" disabled={!label.trim()}>
              Add
            </button>
          </form>
          <button type="button" className="button button--danger" data-testid="bulk-delete" onClick={() => void remove()}>
            Delete
          </button>
          <button type="button" className="button" data-testid="bulk-clear" title="Clear selection (Esc)" onClick={onClear}>
            Clear
          </button>
        </>
      )}
    </div>
  );
}

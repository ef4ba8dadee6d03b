import { useRef, useState } from 'react';
import type { Column } from '../api';
import { useDismiss } from '../state/useDismiss';
import './BoardMenu.css';

export type ColumnCommand = 'edit' | 'left' | 'right' | 'delete';

interface ColumnMenuProps {
  column: Column;
  isFirst: boolean;
  isLast: boolean;
  /** The board's only column cannot go. */
  canDelete: boolean;
  onCommand: (command: ColumnCommand) => void;
}

/** The "⋯" on a column's header: edit it (name, category, WIP limit), move it, delete it. */
export function ColumnMenu({ column, isFirst, isLast, canDelete, onCommand }: ColumnMenuProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLSpanElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  useDismiss(open, rootRef, () => setOpen(false));

  const item = (command: ColumnCommand, label: string, disabled = false, title?: string) => (
    <button
      type="button"
      role="menuitem"
      className="board-menu__item"
      data-testid={`column-${command}`}
      disabled={disabled}
      title={title}
      onClick={() => {
        setOpen(false);
        // Back on the menu's button first: a sheet opened by the command gives focus back to it.
        buttonRef.current?.focus();
        onCommand(command);
      }}
    >
      {label}
    </button>
  );

  return (
    <span className="board-menu column-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="icon-button icon-button--sm"
        data-testid={`column-menu-${column.id}`}
        aria-label={`Column actions for ${column.name}`}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        ⋯
      </button>
      {open && (
        <div className="board-menu__popover" role="menu" aria-label={`${column.name} column`}>
          {item('edit', 'Edit column…')}
          {item('left', 'Move left', isFirst)}
          {item('right', 'Move right', isLast)}
          {item('delete', 'Delete column…', !canDelete, canDelete ? undefined : 'A board keeps at least one column')}
        </div>
      )}
    </span>
  );
}

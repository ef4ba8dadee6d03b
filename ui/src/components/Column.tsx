import { useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';
import type { Column as BoardColumn, Status, TaskSummary } from '../api';
import { CardList } from './CardList';
import { PlusIcon } from './icons';
import { StatusDot } from './StatusDot';
import { WipCount } from './WipCount';
import './Column.css';

const EMPTY_HINT: Record<Status, string> = {
  todo: 'Nothing to do yet',
  in_progress: 'Nothing in progress',
  in_review: 'Nothing waiting for review',
  done: 'Nothing finished yet',
};

/** What a column's drop zone answers to; the board knows which column and lane it is. */
export interface DropHandlers {
  onDragOver: (event: DragEvent<HTMLElement>) => void;
  onDragLeave: (event: DragEvent<HTMLElement>) => void;
  onDrop: (event: DragEvent<HTMLElement>) => void;
}

export interface ComposerProps {
  composerOpen: boolean;
  onOpenComposer: () => void;
  onCloseComposer: () => void;
  /** Resolves true when the task was created. */
  onCreate: (title: string) => Promise<boolean>;
  /** This column's Add task answers to the N key. */
  shortcut: boolean;
}

interface ColumnHeaderProps {
  column: BoardColumn;
  headingId: string;
  /** Every card in the column, filtered or not: the WIP limit counts them all. */
  count: number;
  menu: ReactNode;
}

/** A column's name, category colour, count (against its WIP limit) and menu. */
export function ColumnHeader({ column, headingId, count, menu }: ColumnHeaderProps) {
  return (
    <header className="column__header">
      <StatusDot status={column.status} />
      <h2 className="column__title" id={headingId}>
        {column.name}
      </h2>
      <WipCount count={count} limit={column.wipLimit} testId={`column-count-${column.id}`} />
      <span className="column__menu">{menu}</span>
    </header>
  );
}

/** Add task, or the inline composer once opened. */
export function ColumnFooter({ column, composerOpen, onOpenComposer, onCloseComposer, onCreate, shortcut }: ComposerProps & { column: BoardColumn }) {
  return (
    <div className="column__footer">
      {composerOpen ? (
        <Composer column={column} onCreate={onCreate} onClose={onCloseComposer} />
      ) : (
        <button
          type="button"
          className="row-button add-task"
          data-testid={`add-task-${column.id}`}
          onClick={onOpenComposer}
          aria-keyshortcuts={shortcut ? 'N' : undefined}
          aria-label={`Add task to ${column.name}`}
        >
          <PlusIcon size={14} />
          Add task
        </button>
      )}
    </div>
  );
}

interface ColumnProps extends ComposerProps {
  column: BoardColumn;
  /** The cards shown (the filter may hide some). */
  tasks: TaskSummary[];
  count: number;
  loaded: boolean;
  /** A filter is on: an empty column says nothing matches, not that nothing is there. */
  filtered: boolean;
  menu: ReactNode;
  /** Index (among the cards not being dragged) where a drop would land. */
  dropIndex: number | null;
  draggingId: string | null;
  focusId: string | null;
  drop: DropHandlers;
  renderCard: (task: TaskSummary) => ReactNode;
}

export function Column({ column, tasks, count, loaded, filtered, menu, dropIndex, draggingId, focusId, drop, renderCard, ...composer }: ColumnProps) {
  const headingId = `column-heading-${column.id}`;
  return (
    <section
      className={`column column--${column.status}${dropIndex !== null ? ' is-drop-target' : ''}`}
      data-testid={`column-${column.id}`}
      data-column-id={column.id}
      data-status={column.status}
      aria-labelledby={headingId}
      onDragOver={drop.onDragOver}
      onDragLeave={drop.onDragLeave}
      onDrop={drop.onDrop}
    >
      <ColumnHeader column={column} headingId={headingId} count={count} menu={menu} />
      <CardList
        tasks={tasks}
        listId={column.id}
        dropIndex={dropIndex}
        draggingId={draggingId}
        focusId={focusId}
        renderCard={renderCard}
        empty={
          loaded &&
          !composer.composerOpen && <li className="column__empty">{filtered ? 'No tasks here match the filter' : EMPTY_HINT[column.status]}</li>
        }
      />
      <ColumnFooter column={column} {...composer} />
    </section>
  );
}

function Composer({ column, onCreate, onClose }: { column: BoardColumn; onCreate: (title: string) => Promise<boolean>; onClose: () => void }) {
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    const ok = await onCreate(title);
    setBusy(false);
    // Stay open for the next title: adding several tasks in a row is the common case.
    if (ok) setTitle('');
    inputRef.current?.focus();
  };

  return (
    <div className="composer">
      <input
        ref={inputRef}
        className="input composer__input"
        type="text"
        value={title}
        placeholder="Task title"
        aria-label={`New task in ${column.name}`}
        aria-describedby={`composer-hint-${column.id}`}
        data-testid="new-task-input"
        onChange={(event) => setTitle(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
            event.preventDefault();
            void submit();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onClose();
          }
        }}
        onBlur={() => {
          if (!title.trim() && !busy) onClose();
        }}
      />
      <p className="composer__hint" id={`composer-hint-${column.id}`}>
        <kbd>Enter</kbd> to add · <kbd>Esc</kbd> to cancel
      </p>
    </div>
  );
}

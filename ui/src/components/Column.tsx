import { useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';
import type { Status, TaskSummary } from '../api';
import { STATUS_LABEL } from '../lib/status';
import { PlusIcon } from './icons';
import { StatusDot } from './StatusDot';
import './Column.css';

const EMPTY_HINT: Record<Status, string> = {
  todo: 'Nothing to do yet',
  in_progress: 'Nothing in progress',
  in_review: 'Nothing waiting for review',
  done: 'Nothing finished yet',
};

interface ColumnProps {
  status: Status;
  tasks: TaskSummary[];
  loaded: boolean;
  composerOpen: boolean;
  onOpenComposer: () => void;
  onCloseComposer: () => void;
  /** Resolves true when the task was created. */
  onCreate: (title: string) => Promise<boolean>;
  /** Index (among the cards not being dragged) where a drop would land. */
  dropIndex: number | null;
  draggingId: string | null;
  onDragOver: (status: Status, event: DragEvent<HTMLElement>) => void;
  onDragLeave: (status: Status, event: DragEvent<HTMLElement>) => void;
  onDrop: (status: Status, event: DragEvent<HTMLElement>) => void;
  renderCard: (task: TaskSummary) => ReactNode;
}

export function Column({
  status,
  tasks,
  loaded,
  composerOpen,
  onOpenComposer,
  onCloseComposer,
  onCreate,
  dropIndex,
  draggingId,
  onDragOver,
  onDragLeave,
  onDrop,
  renderCard,
}: ColumnProps) {
  const headingId = `column-heading-${status}`;
  const items: ReactNode[] = [];
  let slot = 0;
  for (const task of tasks) {
    if (task.id !== draggingId) {
      if (dropIndex === slot) items.push(<li key="drop" className="drop-indicator" aria-hidden="true" />);
      slot += 1;
    }
    items.push(
      <li key={task.id} className="column__item">
        {renderCard(task)}
      </li>,
    );
  }
  if (dropIndex !== null && dropIndex >= slot) {
    items.push(<li key="drop" className="drop-indicator" aria-hidden="true" />);
  }

  return (
    <section
      className={`column column--${status}${dropIndex !== null ? ' is-drop-target' : ''}`}
      data-testid={`column-${status}`}
      data-status={status}
      aria-labelledby={headingId}
      onDragOver={(event) => onDragOver(status, event)}
      onDragLeave={(event) => onDragLeave(status, event)}
      onDrop={(event) => onDrop(status, event)}
    >
      <header className="column__header">
        <StatusDot status={status} />
        <h2 className="column__title" id={headingId}>
          {STATUS_LABEL[status]}
        </h2>
        <span className="column__count" data-testid={`column-count-${status}`} aria-label={`${tasks.length} tasks`}>
          {tasks.length}
        </span>
      </header>

      <ul className="column__list" data-column-list={status}>
        {items}
        {loaded && tasks.length === 0 && !composerOpen && dropIndex === null && (
          <li className="column__empty">{EMPTY_HINT[status]}</li>
        )}
      </ul>

      <div className="column__footer">
        {composerOpen ? (
          <Composer status={status} onCreate={onCreate} onClose={onCloseComposer} />
        ) : (
          <button
            type="button"
            className="row-button add-task"
            data-testid={`add-task-${status}`}
            onClick={onOpenComposer}
            aria-keyshortcuts={status === 'todo' ? 'N' : undefined}
          >
            <PlusIcon size={14} />
            Add task
          </button>
        )}
      </div>
    </section>
  );
}

function Composer({
  status,
  onCreate,
  onClose,
}: {
  status: Status;
  onCreate: (title: string) => Promise<boolean>;
  onClose: () => void;
}) {
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
        aria-label={`New task in ${STATUS_LABEL[status]}`}
        aria-describedby={`composer-hint-${status}`}
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
      <p className="composer__hint" id={`composer-hint-${status}`}>
        <kbd>Enter</kbd> to add · <kbd>Esc</kbd> to cancel
      </p>
    </div>
  );
}

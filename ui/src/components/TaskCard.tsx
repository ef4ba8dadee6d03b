import { useEffect, useRef, type DragEvent, type KeyboardEvent } from 'react';
import type { Member, TaskSummary } from '../api';
import { formatDue, isOverdue } from '../lib/dates';
import { PRIORITY_LABEL, STATUS_LABEL } from '../lib/status';
import { Avatar } from './Avatar';
import { CalendarIcon, CommentIcon, LockIcon } from './icons';
import { LabelChip } from './LabelChip';
import { PriorityMarker } from './PriorityMarker';
import './TaskCard.css';

export type CardKeyCommand = 'open' | 'left' | 'right' | 'up' | 'down' | 'focus-prev' | 'focus-next';

interface TaskCardProps {
  task: TaskSummary;
  assignee: Member | undefined;
  /** Titles of the unfinished tasks blocking this one, for the tooltip. */
  blockerTitles: string[];
  isOpen: boolean;
  isDragging: boolean;
  /** Take focus once mounted (the card was just moved by keyboard). */
  autoFocus: boolean;
  onFocused: () => void;
  onCommand: (task: TaskSummary, command: CardKeyCommand) => void;
  onDragStart: (task: TaskSummary, event: DragEvent<HTMLDivElement>) => void;
  onDragEnd: () => void;
}

function keyCommand(event: KeyboardEvent): CardKeyCommand | null {
  if (event.ctrlKey || event.metaKey || event.shiftKey) return null;
  if (event.altKey) {
    switch (event.key) {
      case 'ArrowLeft':
        return 'left';
      case 'ArrowRight':
        return 'right';
      case 'ArrowUp':
        return 'up';
      case 'ArrowDown':
        return 'down';
      default:
        return null;
    }
  }
  switch (event.key) {
    case 'Enter':
    case ' ':
      return 'open';
    case 'ArrowUp':
      return 'focus-prev';
    case 'ArrowDown':
      return 'focus-next';
    default:
      return null;
  }
}

function describe(task: TaskSummary, assignee: Member | undefined, overdue: boolean, blocked: boolean): string {
  const parts = [task.title, STATUS_LABEL[task.status]];
  if (task.priority !== 'none') parts.push(`${PRIORITY_LABEL[task.priority]} priority`);
  if (assignee) parts.push(`assigned to ${assignee.name}`);
  if (task.due) parts.push(`${overdue ? 'overdue, was due' : 'due'} ${formatDue(task.due)}`);
  if (task.labels.length) parts.push(`labels ${task.labels.join(', ')}`);
  if (blocked) parts.push('blocked');
  if (task.commentCount) parts.push(`${task.commentCount} ${task.commentCount === 1 ? 'comment' : 'comments'}`);
  return parts.join(', ');
}

/**
 * The whole card is one focusable control: Enter opens it, Alt+arrows move it.
 * Its parts are read out through one aria-label instead of one by one.
 */
export function TaskCard({
  task,
  assignee,
  blockerTitles,
  isOpen,
  isDragging,
  autoFocus,
  onFocused,
  onCommand,
  onDragStart,
  onDragEnd,
}: TaskCardProps) {
  const ref = useRef<HTMLDivElement>(null);
  const overdue = task.status !== 'done' && isOverdue(task.due);
  const blocked = task.blockedBy.length > 0;

  useEffect(() => {
    if (autoFocus) {
      ref.current?.focus();
      onFocused();
    }
  }, [autoFocus, onFocused]);

  const classes = ['card'];
  if (isOpen) classes.push('is-open');
  if (isDragging) classes.push('is-dragging');
  if (task.status === 'done') classes.push('is-done');

  return (
    <div
      ref={ref}
      className={classes.join(' ')}
      role="button"
      tabIndex={0}
      draggable
      aria-label={describe(task, assignee, overdue, blocked)}
      aria-current={isOpen || undefined}
      aria-keyshortcuts="Enter Alt+ArrowLeft Alt+ArrowRight Alt+ArrowUp Alt+ArrowDown"
      data-testid="task-card"
      data-task-id={task.id}
      data-status={task.status}
      onClick={() => onCommand(task, 'open')}
      onKeyDown={(event) => {
        if (event.target !== event.currentTarget) return;
        const command = keyCommand(event);
        if (!command) return;
        event.preventDefault();
        onCommand(task, command);
      }}
      onDragStart={(event) => onDragStart(task, event)}
      onDragEnd={onDragEnd}
    >
      <div className="card__top">
        <span className="card__title" data-testid="task-card-title">
          {task.title}
        </span>
        {assignee ? (
          <Avatar id={assignee.userId} name={assignee.name} decorative />
        ) : task.assignee ? (
          <Avatar id={task.assignee} name="?" decorative />
        ) : null}
      </div>

      {task.labels.length > 0 && (
        <div className="card__labels">
          {task.labels.map((label) => (
            <LabelChip key={label} label={label} />
          ))}
        </div>
      )}

      <div className="card__meta">
        {task.priority !== 'none' && <PriorityMarker priority={task.priority} />}
        {blocked && (
          <span
            className="card__blocked"
            data-testid="task-card-blocked"
            title={blockerTitles.length ? `Blocked by ${blockerTitles.join(', ')}` : 'Blocked'}
          >
            <LockIcon size={12} />
            Blocked
          </span>
        )}
        {task.due && (
          <span className={`card__due${overdue ? ' is-overdue' : ''}`} data-overdue={overdue || undefined}>
            <CalendarIcon size={12} />
            {formatDue(task.due)}
          </span>
        )}
        {task.commentCount > 0 && (
          <span className="card__comments">
            <CommentIcon size={12} />
            {task.commentCount}
          </span>
        )}
      </div>
    </div>
  );
}

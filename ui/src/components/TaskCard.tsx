import { useEffect, useRef, type DragEvent, type KeyboardEvent } from 'react';
import type { Member, TaskSummary } from '../api';
import { formatDue, isOverdue } from '../lib/dates';
import { formatDuration } from '../lib/durations';
import { PRIORITY_LABEL } from '../lib/status';
import { AvatarStack } from './AvatarStack';
import { CalendarIcon, ChecklistIcon, ClockIcon, CommentIcon, LockIcon, SubtaskIcon } from './icons';
import { LabelChip } from './LabelChip';
import { PriorityMarker } from './PriorityMarker';
import './TaskCard.css';

export type CardKeyCommand = 'open' | 'left' | 'right' | 'up' | 'down' | 'focus-prev' | 'focus-next';

interface TaskCardProps {
  task: TaskSummary;
  /** Its assignees, in order; someone no longer in the team is named "Former member". */
  assignees: Member[];
  /** The name of its column, read out with the card. */
  columnName: string;
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

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "2h 30m": an estimate in whole minutes. */
export const formatEstimate = (minutes: number) => formatDuration(minutes * 60_000);

function describe(task: TaskSummary, columnName: string, assignees: Member[], overdue: boolean, blocked: boolean): string {
  const parts = [task.title, columnName];
  if (task.priority !== 'none') parts.push(`${PRIORITY_LABEL[task.priority]} priority`);
  if (assignees.length) parts.push(`assigned to ${assignees.map((m) => m.name).join(', ')}`);
  if (task.start) parts.push(`starts ${formatDue(task.start)}`);
  if (task.due) parts.push(`${overdue ? 'overdue, was due' : 'due'} ${formatDue(task.due)}`);
  if (task.labels.length) parts.push(`labels ${task.labels.join(', ')}`);
  if (blocked) parts.push('blocked');
  if (task.checklistTotal) parts.push(`checklist ${task.checklistDone} of ${task.checklistTotal} done`);
  if (task.subtaskCount) parts.push(plural(task.subtaskCount, 'subtask'));
  if (task.estimateMinutes) parts.push(`estimate ${formatEstimate(task.estimateMinutes)}`);
  if (task.commentCount) parts.push(plural(task.commentCount, 'comment'));
  return parts.join(', ');
}

/**
 * The whole card is one focusable control: Enter opens it, Alt+arrows move it.
 * Its parts are read out through one aria-label instead of one by one.
 */
export function TaskCard({
  task,
  assignees,
  columnName,
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
      aria-label={describe(task, columnName, assignees, overdue, blocked)}
      aria-current={isOpen || undefined}
      aria-keyshortcuts="Enter Alt+ArrowLeft Alt+ArrowRight Alt+ArrowUp Alt+ArrowDown"
      data-testid="task-card"
      data-task-id={task.id}
      data-status={task.status}
      data-column={task.column}
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
        <AvatarStack people={assignees} />
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
        {(task.start || task.due) && (
          <span className={`card__due${overdue ? ' is-overdue' : ''}`} data-overdue={overdue || undefined} data-testid="task-card-dates">
            <CalendarIcon size={12} />
            {task.start && task.due
              ? `${formatDue(task.start)} – ${formatDue(task.due)}`
              : task.due
                ? formatDue(task.due)
                : `From ${formatDue(task.start as string)}`}
          </span>
        )}
        {task.checklistTotal > 0 && (
          <span
            className={`card__stat${task.checklistDone === task.checklistTotal ? ' is-complete' : ''}`}
            data-testid="task-card-checklist"
            title="Checklist"
          >
            <ChecklistIcon size={12} />
            {task.checklistDone}/{task.checklistTotal}
          </span>
        )}
        {task.subtaskCount > 0 && (
          <span className="card__stat" data-testid="task-card-subtasks" title={plural(task.subtaskCount, 'subtask')}>
            <SubtaskIcon size={12} />
            {task.subtaskCount}
          </span>
        )}
        {task.estimateMinutes !== null && (
          <span className="card__stat" data-testid="task-card-estimate" title="Estimate">
            <ClockIcon size={12} />
            {formatEstimate(task.estimateMinutes)}
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

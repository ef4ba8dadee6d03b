import type { KeyboardEvent, PointerEvent } from 'react';
import type { Status } from '../../api';
import { formatDue } from '../../lib/dates';
import type { Bar, Dated, DragMode } from '../../lib/timeline';

/** How wide the grips at a bar's two ends are. */
const GRIP = 6;

interface TimelineBarProps {
  bar: Bar;
  title: string;
  status: Status;
  dates: Dated;
  /** Being dragged now. */
  dragging: boolean;
  /** The id of the text telling how to use a bar with the keyboard. */
  hintId: string;
  onPointerDown: (mode: DragMode, event: PointerEvent<SVGElement>) => void;
  onKeyDown: (event: KeyboardEvent<SVGGElement>) => void;
}

/** How a screen reader says the bar: its title and its dates. */
function describe(title: string, { start, due }: Dated): string {
  if (start && due) return start === due ? `${title}, ${formatDue(start)}` : `${title}, ${formatDue(start)} to ${formatDue(due)}`;
  if (due) return `${title}, due ${formatDue(due)}`;
  return `${title}, starts ${formatDue(start ?? '')}`;
}

/** One task's bar: drag the middle to move it, an end to change that date; focus it to use the arrow keys. */
export function TimelineBar({ bar, title, status, dates, dragging, hintId, onPointerDown, onKeyDown }: TimelineBarProps) {
  const grip = Math.min(GRIP, bar.width / 3);
  return (
    <g
      className={`timeline-bar timeline-bar--${bar.kind} timeline-bar--${status}${dragging ? ' is-dragging' : ''}`}
      data-testid="timeline-bar"
      data-task-id={bar.taskId}
      data-start={dates.start ?? ''}
      data-due={dates.due ?? ''}
      tabIndex={0}
      role="button"
      aria-label={describe(title, dates)}
      aria-describedby={hintId}
      onKeyDown={onKeyDown}
    >
      <rect
        className="timeline-bar__body"
        data-testid="timeline-bar-body"
        x={bar.x + 1}
        y={bar.y}
        width={Math.max(2, bar.width - 2)}
        height={bar.height}
        rx={4}
        onPointerDown={(event) => onPointerDown('move', event)}
      />
      <rect
        className="timeline-bar__grip timeline-bar__grip--start"
        data-testid="timeline-bar-start"
        x={bar.x}
        y={bar.y}
        width={grip}
        height={bar.height}
        onPointerDown={(event) => onPointerDown('start', event)}
      />
      <rect
        className="timeline-bar__grip timeline-bar__grip--due"
        data-testid="timeline-bar-due"
        x={bar.x + bar.width - grip}
        y={bar.y}
        width={grip}
        height={bar.height}
        onPointerDown={(event) => onPointerDown('due', event)}
      />
    </g>
  );
}

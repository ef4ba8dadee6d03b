import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { TaskSummary } from '../../api';
import {
  dateRange,
  dayTicks,
  dayNumber,
  dayToX,
  dependencyArrows,
  layoutBars,
  reschedule,
  snapDays,
  type Dated,
  type DragMode,
  type Link,
} from '../../lib/timeline';
import { StatusDot } from '../StatusDot';
import { TimelineBar } from './TimelineBar';

export const DAY_WIDTH = 28;
const ROW_HEIGHT = 34;
const BAR_HEIGHT = 20;
const MONTH_ROW = 18;
const HEADER = MONTH_ROW + 22;

interface TimelineChartProps {
  /** Tasks with a date, one row each, in this order. */
  tasks: TaskSummary[];
  /** Dependencies between them: `from` must finish before `to` starts; a done one is drawn muted. */
  links: Link[];
  /** YYYY-MM-DD */
  today: string;
  onSave: (taskId: string, dates: Dated) => void;
  onOpenTask: (taskId: string) => void;
}

interface Drag {
  taskId: string;
  mode: DragMode;
  originX: number;
  days: number;
}

/** Day columns with today marked and weekends shaded, a bar per task, and arrows from each dependency to what waits on it. */
export function TimelineChart({ tasks, links, today, onSave, onOpenTask }: TimelineChartProps) {
  const hintId = useId();
  const markerId = `timeline-arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const scrollRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  /** The bar moved with a key: its row may change places in the next render, and it keeps focus. */
  const keepFocus = useRef<string | null>(null);

  const range = useMemo(() => dateRange(tasks, today), [tasks, today]);
  const scale = { first: range.first, dayWidth: DAY_WIDTH };
  const ticks = dayTicks(range, scale, today);
  const width = ticks.length * DAY_WIDTH;
  const height = HEADER + Math.max(1, tasks.length) * ROW_HEIGHT;

  const datesOf = (task: TaskSummary): Dated =>
    drag?.taskId === task.id ? reschedule(task, drag.mode, drag.days) : { start: task.start, due: task.due };
  const shown = tasks.map((t) => ({ ...t, ...datesOf(t) }));
  const bars = layoutBars(shown, scale, { rowHeight: ROW_HEIGHT, barHeight: BAR_HEIGHT, top: HEADER });
  // Muted arrows (from done dependencies) first, so the ones still in the way are drawn over them.
  const arrows = dependencyArrows(links, bars).sort((a, b) => Number(b.done) - Number(a.done));
  const byId = new Map(shown.map((t) => [t.id, t]));

  // Start with today in view, a few days in from the left.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const now = dayNumber(today);
    if (el && now !== null) el.scrollLeft = Math.max(0, dayToX(now, scale) - 3 * DAY_WIDTH);
    // Only when the page opens: later changes must not scroll it away from where the person is.
  }, []);

  // Rows follow the dates, so a bar moved with the keys may change places (moving a node drops its focus).
  useLayoutEffect(() => {
    const id = keepFocus.current;
    if (!id) return;
    keepFocus.current = null;
    const el = Array.from(svgRef.current?.querySelectorAll<SVGGElement>('[data-testid="timeline-bar"]') ?? []).find((g) => g.dataset.taskId === id);
    if (el && document.activeElement !== el) el.focus({ preventScroll: true });
  });

  const begin = (taskId: string, mode: DragMode, event: PointerEvent<SVGElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    event.currentTarget.setPointerCapture?.(event.pointerId);
    setDrag({ taskId, mode, originX: event.clientX, days: 0 });
  };

  const follow = (event: PointerEvent<SVGSVGElement>) => {
    if (!drag) return;
    const days = snapDays(event.clientX - drag.originX, DAY_WIDTH);
    if (days !== drag.days) setDrag({ ...drag, days });
  };

  const release = (event: PointerEvent<SVGSVGElement>) => {
    if (!drag) return;
    const days = snapDays(event.clientX - drag.originX, DAY_WIDTH);
    setDrag(null);
    const task = tasks.find((t) => t.id === drag.taskId);
    if (!task) return;
    if (days !== 0) onSave(task.id, reschedule(task, drag.mode, days));
    // A press on the middle that did not move is a click: open the task.
    else if (drag.mode === 'move') onOpenTask(task.id);
  };

  const onKey = (task: TaskSummary, event: KeyboardEvent<SVGGElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onOpenTask(task.id);
      return;
    }
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    keepFocus.current = task.id;
    onSave(task.id, reschedule(task, event.shiftKey ? 'due' : 'move', event.key === 'ArrowLeft' ? -1 : 1));
  };

  return (
    <div className="timeline__chart">
      <p id={hintId} className="timeline__hint">
        Drag a bar to move it, or its ends to change the start or due date. With a bar focused, ← and → move it a day;
        with Shift they change its due date; Enter opens the task.
      </p>
      <div className="timeline__grid">
        <ol className="timeline__names" style={{ paddingTop: HEADER }} aria-label="Tasks on the timeline">
          {tasks.map((task) => (
            <li key={task.id} className="timeline__name" style={{ height: ROW_HEIGHT }}>
              <StatusDot status={task.status} />
              <button type="button" className="timeline__name-button" data-testid="timeline-row-title" onClick={() => onOpenTask(task.id)}>
                {task.title}
              </button>
            </li>
          ))}
        </ol>
        <div className="timeline__scroll" ref={scrollRef}>
          <svg
            ref={svgRef}
            className="timeline__svg"
            data-testid="timeline-svg"
            width={width}
            height={height}
            viewBox={`0 0 ${width} ${height}`}
            onPointerMove={follow}
            onPointerUp={release}
            onPointerCancel={() => setDrag(null)}
          >
            <defs>
              <marker id={markerId} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M0,0 L8,4 L0,8 z" className="timeline__arrowhead" />
              </marker>
              <marker id={`${markerId}-done`} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M0,0 L8,4 L0,8 z" className="timeline__arrowhead timeline__arrowhead--done" />
              </marker>
            </defs>
            {ticks.map((t) => (
              <g key={t.day}>
                {t.weekend && (
                  <rect className="timeline__weekend" data-testid="timeline-weekend" data-day={t.iso} x={t.x} y={HEADER} width={DAY_WIDTH} height={height - HEADER} />
                )}
                <line className="timeline__gridline" x1={t.x} x2={t.x} y1={MONTH_ROW} y2={height} />
                {t.month && (
                  <text className="timeline__month" x={t.x + 4} y={MONTH_ROW - 5}>
                    {t.month}
                  </text>
                )}
                <text
                  className={`timeline__day${t.today ? ' is-today' : ''}${t.weekend ? ' is-weekend' : ''}`}
                  x={t.x + DAY_WIDTH / 2}
                  y={HEADER - 7}
                  textAnchor="middle"
                >
                  {t.label}
                </text>
              </g>
            ))}
            {ticks
              .filter((t) => t.today)
              .map((t) => (
                <g key="today" data-testid="timeline-today" data-day={t.iso}>
                  <rect className="timeline__today" x={t.x} y={MONTH_ROW} width={DAY_WIDTH} height={height - MONTH_ROW} />
                  <line className="timeline__today-line" x1={t.x + DAY_WIDTH / 2} x2={t.x + DAY_WIDTH / 2} y1={HEADER} y2={height} />
                </g>
              ))}
            {bars.map((b) => (
              <line key={`row-${b.taskId}`} className="timeline__rowline" x1={0} x2={width} y1={b.rowTop + ROW_HEIGHT} y2={b.rowTop + ROW_HEIGHT} />
            ))}
            {arrows.map((a) => (
              <path
                key={`${a.from}-${a.to}`}
                className={a.done ? 'timeline__arrow timeline__arrow--done' : 'timeline__arrow'}
                data-testid="timeline-arrow"
                data-from={a.from}
                data-to={a.to}
                data-done={a.done}
                d={a.path}
                markerEnd={`url(#${a.done ? `${markerId}-done` : markerId})`}
              />
            ))}
            {bars.map((b) => {
              const task = byId.get(b.taskId) as TaskSummary;
              return (
                <TimelineBar
                  key={b.taskId}
                  bar={b}
                  title={task.title}
                  status={task.status}
                  dates={{ start: task.start, due: task.due }}
                  dragging={drag?.taskId === b.taskId}
                  hintId={hintId}
                  onPointerDown={(mode, event) => begin(b.taskId, mode, event)}
                  onKeyDown={(event) => onKey(tasks.find((t) => t.id === b.taskId) as TaskSummary, event)}
                />
              );
            })}
          </svg>
        </div>
      </div>
    </div>
  );
}

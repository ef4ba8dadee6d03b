// The timeline's layout, kept apart from drawing: which days it covers, where a
// day sits, the bar of each dated task, the arrows between them, and how a drag
// or a key press turns into new dates.
//
// Dates are calendar days (YYYY-MM-DD) with no time zone. They are counted as
// day numbers (days since 1970-01-01) through UTC, so a daylight-saving change
// never makes a day 23 or 25 hours long.

const DAY_MS = 86_400_000;

/** A task's dates as the timeline reads them. */
export interface Dated {
  start: string | null;
  due: string | null;
}

/** The days a timeline shows, first and last included, as day numbers. */
export interface DayRange {
  first: number;
  last: number;
}

/** Day number of a YYYY-MM-DD day; null when it is not a real day. */
export function dayNumber(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  // 2031-02-30 would roll over into March: not a day.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return Math.round(ms / DAY_MS);
}

/** YYYY-MM-DD of a day number. */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day `days` after `iso` (before, when negative). */
export function addDays(iso: string, days: number): string {
  const day = dayNumber(iso);
  return day === null ? iso : isoDay(day + days);
}

/** Saturday or Sunday (1970-01-01 was a Thursday). */
export function isWeekend(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 0 Sunday … 6 Saturday
  return weekday === 0 || weekday === 6;
}

/** A task's first and last day on the timeline; null without a usable date. */
export function taskSpan(task: Dated): DayRange | null {
  const start = task.start === null ? null : dayNumber(task.start);
  const due = task.due === null ? null : dayNumber(task.due);
  if (start === null && due === null) return null;
  const first = start ?? (due as number);
  const last = due ?? first;
  // The core keeps start on or before due; a stale pair still draws one day wide.
  return { first: Math.min(first, last), last: Math.max(first, last) };
}

export interface RangeOptions {
  /** Empty days before the earliest and after the latest date. */
  pad?: number;
  /** The fewest days shown, so a few close dates still fill a screen. */
  minDays?: number;
}

/** The days covering every task's dates and today, with room on both sides. */
export function dateRange(tasks: readonly Dated[], today: string, { pad = 3, minDays = 28 }: RangeOptions = {}): DayRange {
  const now = dayNumber(today) ?? 0;
  let first = now;
  let last = now;
  for (const task of tasks) {
    const span = taskSpan(task);
    if (!span) continue;
    first = Math.min(first, span.first);
    last = Math.max(last, span.last);
  }
  first -= pad;
  last += pad;
  const short = minDays - (last - first + 1);
  if (short > 0) last += short;
  return { first, last };
}

/** Where day columns sit: the first day's left edge is x = 0. */
export interface Scale {
  first: number;
  dayWidth: number;
}

/** The left edge of a day's column. */
export function dayToX(day: number, scale: Scale): number {
  return (day - scale.first) * scale.dayWidth;
}

/** How a bar is drawn: both dates, or only one of them (a one-day bar). */
export type BarKind = 'span' | 'start' | 'due';

export interface Bar {
  taskId: string;
  row: number;
  kind: BarKind;
  /** Day numbers of its first and last day. */
  first: number;
  last: number;
  x: number;
  width: number;
  /** The top of its row, and of the bar inside it. */
  rowTop: number;
  y: number;
  height: number;
}

export interface RowLayout {
  rowHeight: number;
  barHeight: number;
  /** Space above the first row (the day header). */
  top: number;
}

/** Tasks with a date, earliest first (then shortest first, then by title); the rest aside. */
export function splitByDates<T extends Dated & { title: string }>(tasks: readonly T[]): { dated: T[]; undated: T[] } {
  const dated: { task: T; span: DayRange }[] = [];
  const undated: T[] = [];
  for (const task of tasks) {
    const span = taskSpan(task);
    if (span) dated.push({ task, span });
    else undated.push(task);
  }
  dated.sort((a, b) => a.span.first - b.span.first || a.span.last - b.span.last || a.task.title.localeCompare(b.task.title));
  return { dated: dated.map((d) => d.task), undated };
}

/** One bar per dated task, a row each, in the order given. */
export function layoutBars<T extends Dated & { id: string }>(tasks: readonly T[], scale: Scale, rows: RowLayout): Bar[] {
  const bars: Bar[] = [];
  for (const task of tasks) {
    const span = taskSpan(task);
    if (!span) continue;
    const row = bars.length;
    const rowTop = rows.top + row * rows.rowHeight;
    bars.push({
      taskId: task.id,
      row,
      kind: task.start !== null && task.due !== null ? 'span' : task.start !== null ? 'start' : 'due',
      first: span.first,
      last: span.last,
      x: dayToX(span.first, scale),
      width: (span.last - span.first + 1) * scale.dayWidth,
      rowTop,
      y: rowTop + (rows.rowHeight - rows.barHeight) / 2,
      height: rows.barHeight,
    });
  }
  return bars;
}

/** How far an arrow runs straight out of a bar and into the next. */
export const ARROW_STUB = 8;

/**
 * The arrow from a dependency's end to its dependent's start, as SVG path data.
 * When the dependent starts far enough after, it steps right, down (or up) and
 * in; otherwise it turns back along the row line above the lower bar's row.
 */
export function arrowPath(from: Bar, to: Bar): string {
  const sx = from.x + from.width;
  const sy = from.y + from.height / 2;
  const tx = to.x;
  const ty = to.y + to.height / 2;
  if (tx - sx >= 2 * ARROW_STUB) return `M${sx},${sy} H${sx + ARROW_STUB} V${ty} H${tx}`;
  const lane = to.row > from.row ? to.rowTop : from.rowTop;
  return `M${sx},${sy} H${sx + ARROW_STUB} V${lane} H${tx - ARROW_STUB} V${ty} H${tx}`;
}

/** A dependency between two tasks: `from` must finish before `to` starts. */
export interface Link {
  from: string;
  to: string;
  /** The dependency is done: its arrow is drawn muted. */
  done: boolean;
}

/**
 * A link for every dependency among these tasks (what each one's dependsOn
 * names, done or not); dependencies elsewhere (undated, or on another board)
 * are left out.
 */
export function dependencyLinks(
  tasks: readonly { id: string; dependsOn: readonly string[]; status: string }[],
): Link[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const links: Link[] = [];
  for (const task of tasks) {
    for (const id of task.dependsOn) {
      const dependency = byId.get(id);
      if (dependency && dependency !== task) links.push({ from: id, to: task.id, done: dependency.status === 'done' });
    }
  }
  return links;
}

export interface Arrow extends Link {
  path: string;
}

/** An arrow for each dependency whose two tasks both have a bar. */
export function dependencyArrows(links: readonly Link[], bars: readonly Bar[]): Arrow[] {
  const byId = new Map(bars.map((b) => [b.taskId, b]));
  const arrows: Arrow[] = [];
  for (const { from, to, done } of links) {
    const a = byId.get(from);
    const b = byId.get(to);
    if (a && b && a !== b) arrows.push({ from, to, done, path: arrowPath(a, b) });
  }
  return arrows;
}

/** Whole days a pointer moved, to the nearest day. */
export function snapDays(dx: number, dayWidth: number): number {
  return Math.round(dx / dayWidth) || 0; // never -0
}

/** What a drag or a key changes: the whole bar, or one of its ends. */
export type DragMode = 'move' | 'start' | 'due';

/**
 * A task's dates after moving the bar, or one of its ends, by `days`. Moving
 * keeps a missing date missing; an end never passes the other, so start stays
 * on or before due. A one-date task grows the other date from its edge.
 */
export function reschedule(dates: Dated, mode: DragMode, days: number): Dated {
  const { start, due } = dates;
  if (start === null && due === null) return dates;
  if (mode === 'move') {
    return { start: start && addDays(start, days), due: due && addDays(due, days) };
  }
  if (mode === 'start') {
    const moved = addDays((start ?? due) as string, days);
    return { start: due !== null && moved > due ? due : moved, due };
  }
  const moved = addDays((due ?? start) as string, days);
  return { start, due: start !== null && moved < start ? start : moved };
}

/** A day of the header: its column, its number, and what marks it. */
export interface DayTick {
  day: number;
  iso: string;
  x: number;
  /** The day of the month. */
  label: string;
  weekend: boolean;
  today: boolean;
  /** Set on the first shown day and each 1st: "Mar 2026". */
  month: string | null;
}

/** "Mar 2026", in the person's language; the day number is UTC midnight of that day. */
function monthLabel(day: number): string {
  return new Date(day * DAY_MS).toLocaleDateString(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** Every day of the range, for the grid and its header. */
export function dayTicks(range: DayRange, scale: Scale, today: string): DayTick[] {
  const now = dayNumber(today);
  const ticks: DayTick[] = [];
  for (let day = range.first; day <= range.last; day += 1) {
    const iso = isoDay(day);
    const date = Number(iso.slice(8, 10));
    ticks.push({
      day,
      iso,
      x: dayToX(day, scale),
      label: String(date),
      weekend: isWeekend(day),
      today: day === now,
      month: day === range.first || date === 1 ? monthLabel(day) : null,
    });
  }
  return ticks;
}

import { describe, expect, it } from 'vitest';
import {
  addDays,
  arrowPath,
  dateRange,
  dayNumber,
  dayTicks,
  dayToX,
  dependencyArrows,
  dependencyLinks,
  isoDay,
  isWeekend,
  layoutBars,
  reschedule,
  snapDays,
  splitByDates,
  taskSpan,
  type Bar,
} from './timeline';

const ROWS = { rowHeight: 30, barHeight: 18, top: 40 };

function task(id: string, start: string | null, due: string | null) {
  return { id, title: id, start, due };
}

describe('days', () => {
  it('counts calendar days without time zones, and refuses days that do not exist', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2026-03-29')! - dayNumber('2026-03-28')!).toBe(1); // a DST change in Europe
    expect(isoDay(dayNumber('2028-02-29')!)).toBe('2028-02-29');
    expect(dayNumber('2031-02-30')).toBeNull();
    expect(dayNumber('soon')).toBeNull();
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('knows weekends', () => {
    // 2026-05-02 is a Saturday, 2026-05-04 a Monday.
    expect(isWeekend(dayNumber('2026-05-02')!)).toBe(true);
    expect(isWeekend(dayNumber('2026-05-03')!)).toBe(true);
    expect(isWeekend(dayNumber('2026-05-04')!)).toBe(false);
    expect(isWeekend(dayNumber('1969-12-28')!)).toBe(true); // before day 0
  });
});

describe('dateRange', () => {
  it('covers every date and today, padded, and at least the minimum number of days', () => {
    const tasks = [task('a', '2026-05-10', '2026-05-20'), task('b', null, '2026-06-30'), task('c', null, null)];
    const range = dateRange(tasks, '2026-05-12', { pad: 2, minDays: 7 });
    expect(isoDay(range.first)).toBe('2026-05-08');
    expect(isoDay(range.last)).toBe('2026-07-02');
  });

  it('reaches back to today when every task is later, and fills short ranges', () => {
    const range = dateRange([task('a', '2026-05-20', '2026-05-21')], '2026-05-12', { pad: 1, minDays: 28 });
    expect(isoDay(range.first)).toBe('2026-05-11');
    expect(range.last - range.first + 1).toBe(28);
    const empty = dateRange([], '2026-05-12');
    expect(isoDay(empty.first)).toBe('2026-05-09');
  });
});

describe('bars', () => {
  const first = dayNumber('2026-05-01')!;
  const scale = { first, dayWidth: 20 };

  it('puts day columns side by side from the first day', () => {
    expect(dayToX(first, scale)).toBe(0);
    expect(dayToX(first + 3, scale)).toBe(60);
  });

  it('spans start to due, both days included; a single date is one day wide', () => {
    const bars = layoutBars([task('span', '2026-05-02', '2026-05-04'), task('due', null, '2026-05-06'), task('start', '2026-05-03', null)], scale, ROWS);
    expect(bars.map((b) => [b.taskId, b.kind, b.x, b.width, b.row])).toEqual([
      ['span', 'span', 20, 60, 0],
      ['due', 'due', 100, 20, 1],
      ['start', 'start', 40, 20, 2],
    ]);
    expect(bars[1]).toMatchObject({ rowTop: 70, y: 76, height: 18 });
  });

  it('leaves undated tasks out of the rows, listing them aside, and orders the rest by date', () => {
    const { dated, undated } = splitByDates([
      task('late', '2026-05-09', null),
      task('none', null, null),
      task('early-long', '2026-05-01', '2026-05-08'),
      task('early-short', null, '2026-05-01'),
      task('bad', null, 'someday'),
    ]);
    expect(dated.map((t) => t.id)).toEqual(['early-short', 'early-long', 'late']);
    expect(undated.map((t) => t.id)).toEqual(['none', 'bad']);
    expect(taskSpan(task('x', '2026-05-04', '2026-05-02'))).toEqual({ first: dayNumber('2026-05-02'), last: dayNumber('2026-05-04') });
  });
});

describe('dependency arrows', () => {
  const bar = (taskId: string, row: number, x: number, width: number): Bar => ({
    taskId, row, kind: 'span', first: 0, last: 0, x, width, rowTop: 40 + row * 30, y: 46 + row * 30, height: 18,
  });

  it('runs from the dependency’s end to the dependent’s start', () => {
    // End at x = 100, y = 55; start at x = 160, y = 85.
    expect(arrowPath(bar('a', 0, 40, 60), bar('b', 1, 160, 40))).toBe('M100,55 H108 V85 H160');
  });

  it('turns back along the row line when the dependent starts before the dependency ends', () => {
    expect(arrowPath(bar('a', 0, 40, 60), bar('b', 2, 80, 40))).toBe('M100,55 H108 V100 H72 V115 H80');
    // Drawn upwards, along the line above the dependency's row.
    expect(arrowPath(bar('a', 2, 40, 60), bar('b', 0, 80, 40))).toBe('M100,115 H108 V100 H72 V55 H80');
  });

  it('draws only links between bars, and says which come from a done dependency', () => {
    const bars = [bar('a', 0, 0, 20), bar('b', 1, 60, 20), bar('c', 2, 100, 20)];
    const arrows = dependencyArrows(
      [
        { from: 'a', to: 'b', done: false },
        { from: 'a', to: 'undated', done: false },
        { from: 'a', to: 'a', done: false },
        { from: 'b', to: 'c', done: true },
      ],
      bars,
    );
    expect(arrows).toEqual([
      { from: 'a', to: 'b', done: false, path: expect.stringMatching(/^M20,/) },
      { from: 'b', to: 'c', done: true, path: expect.stringMatching(/^M80,/) },
    ]);
  });

  it('links every dependency among the tasks, done or not, and none to tasks not shown', () => {
    const tasks = [
      { id: 'spec', dependsOn: [], status: 'done' },
      { id: 'design', dependsOn: ['spec'], status: 'in_progress' },
      // 'elsewhere' is on another board or has no dates: not among these tasks.
      { id: 'build', dependsOn: ['design', 'spec', 'elsewhere'], status: 'todo' },
      { id: 'odd', dependsOn: ['odd'], status: 'todo' },
    ];
    expect(dependencyLinks(tasks)).toEqual([
      { from: 'spec', to: 'design', done: true },
      { from: 'design', to: 'build', done: false },
      { from: 'spec', to: 'build', done: true },
    ]);
  });
});

describe('dragging and keys', () => {
  it('snaps a pointer offset to whole days', () => {
    expect(snapDays(0, 24)).toBe(0);
    expect(snapDays(11, 24)).toBe(0);
    expect(snapDays(13, 24)).toBe(1);
    expect(snapDays(-13, 24)).toBe(-1);
    expect(snapDays(-5, 24)).toBe(0);
    expect(Object.is(snapDays(-5, 24), -0)).toBe(false);
    expect(snapDays(75, 24)).toBe(3);
  });

  it('moves both dates, keeping a missing one missing', () => {
    expect(reschedule({ start: '2026-05-02', due: '2026-05-04' }, 'move', 3)).toEqual({ start: '2026-05-05', due: '2026-05-07' });
    expect(reschedule({ start: null, due: '2026-05-04' }, 'move', -4)).toEqual({ start: null, due: '2026-04-30' });
    expect(reschedule({ start: null, due: null }, 'move', 2)).toEqual({ start: null, due: null });
  });

  it('changes one end, never past the other', () => {
    const dates = { start: '2026-05-02', due: '2026-05-04' };
    expect(reschedule(dates, 'start', -2)).toEqual({ start: '2026-04-30', due: '2026-05-04' });
    expect(reschedule(dates, 'start', 5)).toEqual({ start: '2026-05-04', due: '2026-05-04' });
    expect(reschedule(dates, 'due', 1)).toEqual({ start: '2026-05-02', due: '2026-05-05' });
    expect(reschedule(dates, 'due', -9)).toEqual({ start: '2026-05-02', due: '2026-05-02' });
  });

  it('grows the missing date out of a one-date bar', () => {
    expect(reschedule({ start: null, due: '2026-05-04' }, 'start', -2)).toEqual({ start: '2026-05-02', due: '2026-05-04' });
    expect(reschedule({ start: '2026-05-04', due: null }, 'due', 2)).toEqual({ start: '2026-05-04', due: '2026-05-06' });
  });
});

describe('dayTicks', () => {
  it('marks today and weekends, and names the month at the start and on each 1st', () => {
    const range = { first: dayNumber('2026-04-29')!, last: dayNumber('2026-05-03')! };
    const ticks = dayTicks(range, { first: range.first, dayWidth: 10 }, '2026-04-30');
    expect(ticks.map((t) => t.label)).toEqual(['29', '30', '1', '2', '3']);
    expect(ticks.map((t) => t.x)).toEqual([0, 10, 20, 30, 40]);
    expect(ticks.filter((t) => t.today).map((t) => t.iso)).toEqual(['2026-04-30']);
    expect(ticks.filter((t) => t.weekend).map((t) => t.iso)).toEqual(['2026-05-02', '2026-05-03']);
    expect(ticks.map((t) => t.month !== null)).toEqual([true, false, true, false, false]);
    expect(ticks[2].month).toMatch(/May.*2026/);
  });
});

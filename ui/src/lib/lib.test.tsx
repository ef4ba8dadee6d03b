import { describe, expect, it } from 'vitest';
import type { TaskSummary } from '../api';
import { formatDue, isOverdue, relativeTime, todayIso } from './dates';
import { applyMove, columnTasks, planMove } from './ordering';
import { initials } from './people';
import { parseSnippet } from './snippet';
import { adjacentStatus } from './status';

function task(id: string, status: TaskSummary['status'], position: number): TaskSummary {
  return {
    id, boardId: 'b', title: id, status, column: status, position, assignee: null, assignees: [], start: null, due: null,
    estimateMinutes: null, priority: 'none', labels: [], parentId: null, dependsOn: [], subtaskCount: 0, checklistDone: 0, checklistTotal: 0,
    blockedBy: [], commentCount: 0, updatedAt: 0,
  };
}

describe('parseSnippet', () => {
  it('splits matched runs from plain text', () => {
    expect(parseSnippet('make \u0002sync\u0003 work \u0002offline\u0003')).toEqual([
      { text: 'make ', match: false },
      { text: 'sync', match: true },
      { text: ' work ', match: false },
      { text: 'offline', match: true },
    ]);
  });

  it('tolerates stray and unclosed markers', () => {
    expect(parseSnippet('a\u0003b \u0002c')).toEqual([
      { text: 'ab ', match: false },
      { text: 'c', match: true },
    ]);
    expect(parseSnippet('')).toEqual([]);
  });
});

describe('planMove', () => {
  const tasks = [task('a', 'todo', 1), task('b', 'todo', 2), task('c', 'todo', 3), task('x', 'done', 1)];

  it('moves to another column before a card, or last', () => {
    expect(planMove(tasks, 'a', 'done', 0)).toEqual([{ taskId: 'a', column: 'done', beforeTaskId: 'x' }]);
    expect(planMove(tasks, 'a', 'done', 5)).toEqual([{ taskId: 'a', column: 'done', beforeTaskId: null }]);
  });

  it('does nothing when dropped where it already is', () => {
    expect(planMove(tasks, 'b', 'todo', 1)).toEqual([]);
  });

  it('moves up within a column before the card it lands on', () => {
    expect(planMove(tasks, 'c', 'todo', 0)).toEqual([{ taskId: 'c', column: 'todo', beforeTaskId: 'a' }]);
  });

  it('reaches the end of its own column by moving the cards below it up', () => {
    const moves = planMove(tasks, 'a', 'todo', 2);
    expect(moves).toEqual([
      { taskId: 'b', column: 'todo', beforeTaskId: 'a' },
      { taskId: 'c', column: 'todo', beforeTaskId: 'a' },
    ]);
    const after = moves.reduce(applyMove, tasks);
    expect(columnTasks(after, 'todo').map((t) => t.id)).toEqual(['b', 'c', 'a']);
  });
});

describe('applyMove', () => {
  it('places a card between its new neighbours like the backend', () => {
    const tasks = [task('a', 'todo', 1), task('b', 'todo', 2), task('c', 'done', 4)];
    const moved = applyMove(tasks, { taskId: 'c', column: 'todo', beforeTaskId: 'b' });
    expect(moved.find((t) => t.id === 'c')).toMatchObject({ column: 'todo', position: 1.5 });
    const last = applyMove(tasks, { taskId: 'a', column: 'done', beforeTaskId: null });
    expect(last.find((t) => t.id === 'a')?.position).toBe(5);
  });
});

describe('dates', () => {
  const now = new Date(2030, 5, 15, 12, 0);

  it('knows overdue days in local time', () => {
    expect(todayIso(now)).toBe('2030-06-15');
    expect(isOverdue('2030-06-14', now)).toBe(true);
    expect(isOverdue('2030-06-15', now)).toBe(false);
    expect(isOverdue(null, now)).toBe(false);
  });

  it('formats due dates without shifting the day', () => {
    expect(formatDue('2030-06-01', now)).toMatch(/1/);
    expect(formatDue('2031-01-02', now)).toMatch(/2031/);
    expect(formatDue('not a date', now)).toBe('not a date');
  });

  it('says how long ago something happened', () => {
    const t = now.getTime();
    expect(relativeTime(t - 10_000, t)).toBe('just now');
    expect(relativeTime(t - 5 * 60_000, t)).toBe('5m ago');
    expect(relativeTime(t - 3 * 3_600_000, t)).toBe('3h ago');
    expect(relativeTime(t - 26 * 3_600_000, t)).toBe('yesterday');
    expect(relativeTime(t - 4 * 86_400_000, t)).toBe('4d ago');
  });
});

describe('small helpers', () => {
  it('makes initials', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('grace')).toBe('GR');
    expect(initials('  ')).toBe('?');
    expect(initials('Jean Paul Sartre')).toBe('JS');
  });

  it('finds neighbouring columns', () => {
    expect(adjacentStatus('todo', 1)).toBe('in_progress');
    expect(adjacentStatus('todo', -1)).toBeNull();
    expect(adjacentStatus('done', 1)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { ActivityEntry, BoardDetail, TaskDetail, TaskSummary } from '../api/types';
import { FakeBackend } from './fakeBackend';

// Fixed clock: Wednesday 2026-11-25, local noon.
const NOW = new Date(2026, 10, 25, 12).getTime();

function setup() {
  const b = new FakeBackend({ now: () => NOW });
  const team = b.createTeam('Design');
  const boardId = team.boardIds[0];
  const grace = b.addMember(team.id, 'Grace Hopper');
  const call = <T>(cmd: string, args: Record<string, unknown> = {}) => b.handle(cmd, args) as T;
  const code = (work: () => unknown) => {
    try {
      work();
    } catch (e) {
      return (e as { code: string }).code;
    }
    return null;
  };
  return { b, teamId: team.id, boardId, grace, call, code };
}

describe('fake boards in depth', () => {
  it('starts with the default columns, adds, moves, renames and deletes columns', () => {
    const { b, boardId, call, code } = setup();
    const board = call<BoardDetail>('board_get', { boardId });
    expect(board.columns.map((c) => [c.id, c.name, c.status])).toEqual([
      ['todo', 'To do', 'todo'],
      ['in_progress', 'In progress', 'in_progress'],
      ['in_review', 'In review', 'in_review'],
      ['done', 'Done', 'done'],
    ]);
    const added = call<BoardDetail>('column_add', { boardId, name: 'Shipped', status: 'done', wipLimit: 3 }).columns.slice(-1)[0];
    expect(added).toMatchObject({ name: 'Shipped', status: 'done', wipLimit: 3 });
    const moved = call<BoardDetail>('column_move', { boardId, columnId: added.id, beforeColumnId: 'todo' });
    expect(moved.columns[0].id).toBe(added.id);

    // A task moved into the column takes its category; a new category moves its tasks with it.
    const task = b.insertTask(boardId, { title: 'A' });
    expect(call<TaskDetail>('task_move', { boardId, taskId: task.id, column: added.id }).status).toBe('done');
    call('column_update', { boardId, columnId: added.id, status: 'in_progress', wipLimit: null });
    expect(call<TaskDetail>('task_get', { boardId, taskId: task.id })).toMatchObject({ status: 'in_progress', column: added.id });

    call('column_delete', { boardId, columnId: added.id, moveTo: 'todo' });
    expect(call<TaskDetail>('task_get', { boardId, taskId: task.id })).toMatchObject({ status: 'todo', column: 'todo' });
    for (const id of ['in_progress', 'in_review', 'done']) call('column_delete', { boardId, columnId: id, moveTo: 'todo' });
    expect(code(() => call('column_delete', { boardId, columnId: 'todo', moveTo: 'todo' }))).toBe('invalid_input');
  });

  it('filters with task_query and keeps saved views', () => {
    const { b, boardId, teamId, grace, call } = setup();
    const dep = b.insertTask(boardId, { title: 'Dep' });
    b.insertTask(boardId, { title: 'Late', assignees: [b.me, grace], due: '2026-11-01', labels: ['ui'], priority: 'high' });
    b.insertTask(boardId, { title: 'Blocked', dependsOn: [dep.id], due: '2026-12-24' });
    b.insertTask(boardId, { title: 'Late but done', status: 'done', due: '2026-11-01' });
    const titles = (query: Record<string, unknown>) => call<TaskSummary[]>('task_query', { query }).map((t) => t.title);
    expect(titles({ boardId, assignee: grace })).toEqual(['Late']);
    expect(titles({ boardId, overdue: true })).toEqual(['Late']);
    expect(titles({ teamId, blocked: true })).toEqual(['Blocked']);
    expect(titles({ boardId, dueBefore: '2026-12-24' })).toEqual(['Late', 'Blocked', 'Late but done']);
    expect(titles({ boardId, label: 'ui', priority: 'high' })).toEqual(['Late']);

    call('view_save', { boardId, name: 'Mine', query: { assignee: b.me } });
    const saved = call<BoardDetail>('view_save', { boardId, name: 'Mine', query: { assignee: grace } });
    expect(saved.views).toEqual([{ id: expect.any(String), name: 'Mine', query: { assignee: grace } }]);
    expect(call<BoardDetail>('view_delete', { boardId, viewId: saved.views[0].id }).views).toEqual([]);
  });

  it('counts checklists and subtasks, and refuses a dependency loop across boards', () => {
    const { b, boardId, teamId, call, code } = setup();
    const parent = call<TaskDetail>('task_create', { boardId, title: 'Parent' });
    const child = call<TaskDetail>('task_create', { boardId, title: 'Child', parentId: parent.id });
    expect(code(() => call('task_create', { boardId, title: 'Grandchild', parentId: child.id }))).toBe('invalid_input');
    let detail = call<TaskDetail>('checklist_add', { boardId, taskId: parent.id, text: 'One' });
    detail = call<TaskDetail>('checklist_add', { boardId, taskId: parent.id, text: 'Two' });
    detail = call<TaskDetail>('checklist_update', { boardId, taskId: parent.id, itemId: detail.checklist[0].id, done: true });
    expect(detail).toMatchObject({ checklistDone: 1, checklistTotal: 2, subtaskCount: 1 });
    expect(detail.subtasks.map((s) => s.title)).toEqual(['Child']);

    const other = b.addBoard(teamId, 'Other');
    const far = b.insertTask(other, { title: 'Far' });
    const linked = call<TaskDetail>('task_add_dependency', { boardId, taskId: parent.id, dependsOn: far.id });
    expect(linked.dependencies).toEqual([{ taskId: far.id, boardId: other, boardName: 'Other', title: 'Far', status: 'todo' }]);
    expect(linked.blockedBy).toEqual([far.id]);
    expect(code(() => call('task_add_dependency', { boardId: other, taskId: far.id, dependsOn: parent.id }))).toBe('dependency_cycle');
    expect(call<TaskDetail>('task_get', { boardId: other, taskId: far.id }).dependents.map((d) => d.title)).toEqual(['Parent']);
  });

  it('keeps a history and brings back an old description', () => {
    const { boardId, call } = setup();
    const task = call<TaskDetail>('task_create', { boardId, title: 'Spec' });
    call('task_update', { boardId, taskId: task.id, patch: { description: 'First' } });
    call('task_update', { boardId, taskId: task.id, patch: { description: 'Second', estimateMinutes: 90 } });
    call('task_move', { boardId, taskId: task.id, column: 'in_progress' });
    const history = call<ActivityEntry[]>('task_history', { boardId, taskId: task.id });
    expect(history.map((h) => h.fields)).toEqual([['column', 'status'], ['description', 'estimate'], ['description'], ['created']]);
    expect(history[0].name).toBe('Alex Rivera');
    expect(call<string>('task_description_at', { boardId, taskId: task.id, hash: history[2].hash })).toBe('First');
    const restored = call<TaskDetail>('task_description_restore', { boardId, taskId: task.id, hash: history[2].hash });
    expect(restored.description).toBe('First');
    expect(call<ActivityEntry[]>('task_history', { boardId, taskId: task.id })).toHaveLength(5);
  });
});

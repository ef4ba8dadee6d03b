import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { findCard, renderApp, seedTeam, type Seeded } from '../test/renderApp';
import type { FakeBackend } from '../dev/fakeBackend';

async function openPanel(title: string, setup: (backend: FakeBackend, seeded: Seeded) => void = () => {}) {
  let seeded: Seeded = { teamId: '', boardId: '' };
  const rendered = renderApp((backend) => {
    seeded = seedTeam(backend);
    setup(backend, seeded);
  });
  await rendered.user.click(await findCard(title));
  const panel = await screen.findByTestId('task-panel');
  const titleInput = within(panel).getByTestId('task-title-input') as HTMLTextAreaElement;
  await waitFor(() => expect(titleInput.value).toBe(title));
  return { ...rendered, seeded, panel };
}

const patches = (backend: FakeBackend) => backend.callsOf('task_update').map((c) => c.patch);

describe('task panel: assignees', () => {
  it('adds several people, shows the first as the lead, makes another the lead and removes one', async () => {
    const ids: Record<string, string> = {};
    const { backend, user, panel } = await openPanel('Pair on it', (b, { boardId, teamId }) => {
      ids.grace = b.addMember(teamId, 'Grace Hopper');
      ids.ada = b.addMember(teamId, 'Ada Lovelace');
      b.insertTask(boardId, { title: 'Pair on it' });
    });
    const add = within(panel).getByTestId('task-assignee-select');
    await user.selectOptions(add, 'Grace Hopper');
    await waitFor(() => expect(within(panel).getAllByTestId('assignee')).toHaveLength(1));
    // One person is simply on it: no lead to name yet.
    expect(within(panel).queryByTestId('assignee-lead')).toBeNull();
    await user.selectOptions(add, 'Ada Lovelace');

    await waitFor(() => expect(within(panel).getAllByTestId('assignee')).toHaveLength(2));
    const [first, second] = within(panel).getAllByTestId('assignee');
    expect(first.textContent).toContain('Grace Hopper');
    expect(within(first).getByTestId('assignee-lead')).toBeTruthy();
    expect(second.textContent).toContain('Ada Lovelace');

    await user.click(within(panel).getByRole('button', { name: 'Make Ada Lovelace the lead' }));
    await waitFor(() => expect(within(panel).getAllByTestId('assignee')[0].textContent).toContain('Ada Lovelace'));
    await user.click(within(panel).getByRole('button', { name: 'Remove Grace Hopper' }));
    await waitFor(() => expect(within(panel).getAllByTestId('assignee')).toHaveLength(1));

    expect(patches(backend)).toEqual([
      { assignees: [ids.grace] },
      { assignees: [ids.grace, ids.ada] },
      { assignees: [ids.ada, ids.grace] },
      { assignees: [ids.ada] },
    ]);
  });
});

describe('task panel: dates and estimate', () => {
  it('sets a start and a due date, and shows the core’s refusal of a start after the due date beside them', async () => {
    const { backend, user, panel } = await openPanel('Plan it', (b, { boardId }) => {
      b.insertTask(boardId, { title: 'Plan it' });
    });
    await user.type(within(panel).getByTestId('task-start-input'), '2031-05-02{Enter}');
    await user.type(within(panel).getByTestId('task-due-input'), '2031-05-09{Enter}');
    await waitFor(() => expect(patches(backend)).toEqual([{ start: '2031-05-02' }, { due: '2031-05-09' }]));

    const start = within(panel).getByTestId('task-start-input') as HTMLInputElement;
    fireEvent.change(start, { target: { value: '2031-05-12' } });
    fireEvent.keyDown(start, { key: 'Enter' });

    const error = await within(panel).findByTestId('task-dates-error');
    expect(error.textContent).toBe('a task starts on or before its due date');
    expect(start.getAttribute('aria-describedby')).toBe(error.id);
    expect(screen.queryByTestId('error-toast')).toBeNull();
    // The field goes back to the saved day.
    await waitFor(() => expect(start.value).toBe('2031-05-02'));

    // A later good change clears the message.
    await user.click(within(panel).getByTestId('task-start-clear'));
    await waitFor(() => expect(within(panel).queryByTestId('task-dates-error')).toBeNull());
    expect(patches(backend).slice(-1)).toEqual([{ start: null }]);
  });

  it('takes an estimate in hours and minutes, shows logged time against it, and clears it', async () => {
    const { backend, user, panel } = await openPanel('Estimate me', (b, { boardId }) => {
      const task = b.insertTask(boardId, { title: 'Estimate me' });
      b.boardTools.addEntry({ boardId, taskId: task.id, userId: b.me, startedAt: Date.now() - 3 * 3_600_000, endedAt: Date.now() - 2 * 3_600_000 });
    });
    expect((await within(panel).findByTestId('time-total')).textContent).toBe('1h 00m in all');

    await user.type(within(panel).getByTestId('task-estimate-hours'), '2');
    await user.type(within(panel).getByTestId('task-estimate-minutes'), '30{Enter}');
    await waitFor(() => expect(patches(backend)).toEqual([{ estimateMinutes: 150 }]));
    await waitFor(() => expect(within(panel).getByTestId('time-total').textContent).toBe('1h 00m logged of 2h 30m estimated'));

    // Beyond what the core takes: its own words, in place.
    const hours = within(panel).getByTestId('task-estimate-hours') as HTMLInputElement;
    await user.clear(hours);
    await user.type(hours, '2000{Enter}');
    expect((await within(panel).findByTestId('task-estimate-error')).textContent).toMatch(/from 1 to 100000 minutes/);
    await waitFor(() => expect(hours.value).toBe('2'));

    await user.click(within(panel).getByTestId('task-estimate-clear'));
    await waitFor(() => expect(patches(backend).slice(-1)).toEqual([{ estimateMinutes: null }]));
    await waitFor(() => expect(within(panel).getByTestId('time-total').textContent).toBe('1h 00m in all'));
  });
});

describe('task panel: checklist', () => {
  it('adds items, ticks one off with the progress shown, renames and deletes one', async () => {
    const { backend, user, panel, seeded } = await openPanel('Release', (b, { boardId }) => {
      b.insertTask(boardId, { title: 'Release' });
    });
    const input = within(panel).getByTestId('checklist-input');
    await user.type(input, 'Write notes{Enter}');
    await user.type(input, 'Tag the build{Enter}');
    await waitFor(() => expect(within(panel).getAllByTestId('checklist-item')).toHaveLength(2));
    expect(within(panel).getByTestId('checklist-progress').textContent).toBe('0 of 2 done');

    await user.click(within(panel).getByRole('checkbox', { name: 'Done: Write notes' }));
    await waitFor(() => expect(within(panel).getByTestId('checklist-progress').textContent).toBe('1 of 2 done'));
    expect(within(panel).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1');

    const text = within(panel).getAllByTestId('checklist-text')[1];
    await user.clear(text);
    await user.type(text, 'Tag v1.0{Enter}');
    await waitFor(() => expect((within(panel).getAllByTestId('checklist-text')[1] as HTMLInputElement).value).toBe('Tag v1.0'));

    await user.click(within(panel).getByRole('button', { name: 'Delete Write notes' }));
    await waitFor(() => expect(within(panel).getAllByTestId('checklist-item')).toHaveLength(1));
    expect(within(panel).getByTestId('checklist-progress').textContent).toBe('0 of 1 done');

    const itemId = (backend.callsOf('checklist_update')[0] as { itemId: string }).itemId;
    expect(backend.callsOf('checklist_add').map((c) => c.text)).toEqual(['Write notes', 'Tag the build']);
    expect(backend.callsOf('checklist_update')).toEqual([
      { boardId: seeded.boardId, taskId: expect.any(String), itemId, done: true },
      { boardId: seeded.boardId, taskId: expect.any(String), itemId: expect.any(String), text: 'Tag v1.0' },
    ]);
    expect(backend.callsOf('checklist_delete')).toEqual([{ boardId: seeded.boardId, taskId: expect.any(String), itemId }]);
  });
});

describe('task panel: subtasks', () => {
  it('lists subtasks with their status, creates one, and opens one, which names its parent', async () => {
    const { backend, user, panel, seeded } = await openPanel('Launch', (b, { boardId }) => {
      const parent = b.insertTask(boardId, { title: 'Launch' });
      b.insertTask(boardId, { title: 'Press kit', parentId: parent.id, status: 'done' });
    });
    const list = within(panel).getByTestId('subtasks');
    expect(within(list).getAllByTestId('subtask').map((s) => s.textContent)).toEqual(['Press kitDone']);
    expect(within(list).getByTestId('subtasks-progress').textContent).toBe('1 of 1 done');
    // A task with subtasks cannot become one.
    expect(within(panel).queryByTestId('parent-select')).toBeNull();

    await user.type(within(panel).getByTestId('subtask-input'), 'Landing page{Enter}');
    await waitFor(() => expect(within(panel).getAllByTestId('subtask')).toHaveLength(2));
    expect(backend.callsOf('task_create')).toEqual([{ boardId: seeded.boardId, title: 'Landing page', parentId: expect.any(String) }]);
    expect(within(panel).getByTestId('subtasks-progress').textContent).toBe('1 of 2 done');

    await user.click(within(panel).getByRole('button', { name: 'Landing page' }));
    await waitFor(() => expect((screen.getByTestId('task-title-input') as HTMLTextAreaElement).value).toBe('Landing page'));
    const sub = screen.getByTestId('task-panel');
    expect(within(sub).getByTestId('subtask-parent').textContent).toBe('A subtask of Launch.');
    // A subtask has no subtasks of its own.
    expect(within(sub).queryByTestId('subtask-input')).toBeNull();
  });

  it('makes a task a subtask of another, then a task of its own again', async () => {
    const { backend, user, panel } = await openPanel('Loose end', (b, { boardId }) => {
      b.insertTask(boardId, { title: 'Epic' });
      b.insertTask(boardId, { title: 'Loose end' });
    });
    await user.selectOptions(within(panel).getByTestId('parent-select'), 'Epic');
    expect((await within(panel).findByTestId('subtask-parent')).textContent).toBe('A subtask of Epic.');
    await user.click(within(panel).getByTestId('parent-clear'));
    await within(panel).findByTestId('subtask-input');
    expect(patches(backend)).toEqual([{ parentId: expect.stringMatching(/^task-/) }, { parentId: null }]);
  });
});

describe('task panel: dependencies across boards', () => {
  it('picks a task from another board of the team, names its board, lists what this one blocks, and opens a linked task on its board', async () => {
    let roadmap = '';
    const { backend, user, panel } = await openPanel('Build', (b, { teamId, boardId }) => {
      roadmap = b.addBoard(teamId, 'Roadmap');
      b.insertTask(roadmap, { title: 'Design review' });
      const build = b.insertTask(boardId, { title: 'Build' });
      b.insertTask(boardId, { title: 'Ship', dependsOn: [build.id] });
    });
    const select = within(panel).getByTestId('dependency-select');
    const option = await within(select).findByRole('option', { name: 'Design review' });
    expect(option.closest('optgroup')?.getAttribute('label')).toBe('Roadmap');
    expect(backend.callsOf('task_query')).toEqual([{ query: { teamId: expect.any(String) } }]);

    // What waits on this task.
    expect(within(within(panel).getByTestId('dependents')).getByTestId('dependent-item').textContent).toContain('Ship');

    await user.selectOptions(select, 'Design review');
    const item = await within(panel).findByTestId('dependency-item');
    expect(item.textContent).toContain('Design review');
    expect(within(item).getByTestId('link-board').textContent).toBe('Roadmap');
    expect(backend.callsOf('task_add_dependency')).toEqual([{ boardId: expect.any(String), taskId: expect.any(String), dependsOn: expect.any(String) }]);
    expect(within(panel).getByText('Blocked by 1 unfinished task.')).toBeTruthy();

    // Opening it switches to its board.
    await user.click(within(item).getByRole('button', { name: 'Design review' }));
    await waitFor(() => expect(screen.getByTestId('board-title').textContent).toBe('Roadmap'));
    await waitFor(() => expect((screen.getByTestId('task-title-input') as HTMLTextAreaElement).value).toBe('Design review'));
    const other = screen.getByTestId('task-panel');
    expect(within(within(other).getByTestId('dependents')).getByTestId('dependent-item').textContent).toContain('Build');
    expect(roadmap).not.toBe('');
  });

  it('refuses a loop through another board with the core’s dependency_cycle, shown beside the picker', async () => {
    const { user, panel } = await openPanel('Frontend', (b, { teamId, boardId }) => {
      const api = b.addBoard(teamId, 'API');
      const front = b.insertTask(boardId, { title: 'Frontend' });
      b.insertTask(api, { title: 'Endpoint', dependsOn: [front.id] });
    });
    const select = within(panel).getByTestId('dependency-select');
    await within(select).findByRole('option', { name: 'Endpoint' });
    await user.selectOptions(select, 'Endpoint');

    const error = await within(panel).findByTestId('dependency-error');
    expect(error.getAttribute('data-code')).toBe('dependency_cycle');
    expect(error.textContent).toContain('Not added: tasks cannot wait on each other in a loop.');
    expect(error.textContent).toContain('Frontend → Endpoint → Frontend');
    expect(screen.queryByTestId('error-toast')).toBeNull();
    expect(within(panel).queryAllByTestId('dependency-item')).toHaveLength(0);
  });
});

describe('task panel: activity', () => {
  it('lists who changed what, shows an earlier description and restores it after a confirmation', async () => {
    let taskId = '';
    let boardId = '';
    const { backend, user, panel } = await openPanel('Spec', (b, seeded) => {
      boardId = seeded.boardId;
      taskId = b.insertTask(seeded.boardId, { title: 'Spec', description: 'First draft' }).id;
      b.handle('task_update', { boardId, taskId, patch: { description: 'Second draft' } });
      b.handle('task_update', { boardId, taskId, patch: { description: 'Third draft', due: '2031-01-02' } });
    });
    const entries = await within(panel).findAllByTestId('activity-entry');
    expect(entries.map((e) => e.textContent)).toEqual([
      expect.stringContaining('Alex Rivera changed the description and the due date'),
      expect.stringContaining('Alex Rivera changed the description'),
      expect.stringContaining('Alex Rivera created the task'),
    ]);
    // The newest description is the one in the field: nothing to restore.
    expect(within(entries[0]).queryByTestId('activity-restore')).toBeNull();
    expect(within(entries[2]).queryByTestId('activity-view')).toBeNull();

    await user.click(within(entries[1]).getByTestId('activity-view'));
    expect((await within(entries[1]).findByTestId('activity-description')).textContent).toBe('Second draft');
    const hash = (backend.callsOf('task_description_at')[0] as { hash: string }).hash;

    await user.click(within(entries[1]).getByTestId('activity-restore'));
    const dialog = await screen.findByTestId('confirm-dialog');
    expect(dialog.textContent).toContain('Restore this description?');
    await user.click(screen.getByTestId('confirm-ok'));

    await waitFor(() => expect((within(panel).getByTestId('task-description-input') as HTMLTextAreaElement).value).toBe('Second draft'));
    expect(backend.callsOf('task_description_restore')).toEqual([{ boardId, taskId, hash }]);
    // The restore is a change of its own, at the top.
    await waitFor(() => expect(within(panel).getAllByTestId('activity-entry')).toHaveLength(4));
  });

  it('leaves the description alone when the restore is cancelled', async () => {
    const { backend, user, panel } = await openPanel('Notes', (b, { boardId }) => {
      const task = b.insertTask(boardId, { title: 'Notes' });
      b.handle('task_update', { boardId, taskId: task.id, patch: { description: 'One' } });
      b.handle('task_update', { boardId, taskId: task.id, patch: { description: 'Two' } });
    });
    const entries = await within(panel).findAllByTestId('activity-entry');
    await user.click(within(entries[1]).getByTestId('activity-restore'));
    await user.click(await screen.findByTestId('confirm-cancel'));
    expect(backend.callsOf('task_description_restore')).toEqual([]);
    expect((within(panel).getByTestId('task-description-input') as HTMLTextAreaElement).value).toBe('Two');
  });
});

import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { cardTitles, emitDocChanged, findCard, renderApp, seedTeam, type Seeded } from '../test/renderApp';
import type { FakeBackend } from '../dev/fakeBackend';

async function openPanel(title: string, setup: (backend: FakeBackend, seeded: Seeded) => void) {
  let seeded: Seeded = { teamId: '', boardId: '' };
  const rendered = renderApp((backend) => {
    seeded = seedTeam(backend);
    setup(backend, seeded);
  });
  await rendered.user.click(await findCard(title));
  const panel = await screen.findByTestId('task-panel');
  const titleInput = within(panel).getByTestId('task-title-input') as HTMLTextAreaElement;
  await waitFor(() => expect(titleInput.value).toBe(title));
  return { ...rendered, seeded, panel, titleInput };
}

describe('TaskPanel', () => {
  it('renames the task on Enter and updates its card', async () => {
    const { backend, user, titleInput, seeded } = await openPanel('Old name', (b, { boardId }) => {
      b.insertTask(boardId, { title: 'Old name' });
    });
    await user.clear(titleInput);
    await user.type(titleInput, 'New name{Enter}');

    await waitFor(() => expect(cardTitles('todo')).toEqual(['New name']));
    expect(backend.callsOf('task_update')).toEqual([
      { boardId: seeded.boardId, taskId: expect.any(String), patch: { title: 'New name' } },
    ]);
  });

  it('keeps the saved title when the field is left empty', async () => {
    const { backend, user, titleInput } = await openPanel('Keep me', (b, { boardId }) => {
      b.insertTask(boardId, { title: 'Keep me' });
    });
    await user.clear(titleInput);
    await user.tab();
    expect(backend.callsOf('task_update')).toEqual([]);
    expect(titleInput.placeholder).toBe('Keep me');
    expect(cardTitles('todo')).toEqual(['Keep me']);
  });

  it('saves the description once when the field is left', async () => {
    const { backend, user, panel } = await openPanel('Describe me', (b, { boardId }) => {
      b.insertTask(boardId, { title: 'Describe me' });
    });
    const description = within(panel).getByTestId('task-description-input');
    await user.type(description, 'Some detail');
    await user.tab();
    await waitFor(() =>
      expect(backend.callsOf('task_update').map((c) => c.patch)).toEqual([{ description: 'Some detail' }]),
    );
  });

  it('moves the task with the column select', async () => {
    const { backend, user, panel } = await openPanel('Progress', (b, { boardId }) => {
      b.insertTask(boardId, { title: 'Progress' });
    });
    const select = within(panel).getByTestId('task-status-select') as HTMLSelectElement;
    expect(within(panel).getByLabelText('Column')).toBe(select);
    await within(select).findByRole('option', { name: 'In progress' });
    await user.selectOptions(select, 'in_progress');
    await waitFor(() => expect(cardTitles('in_progress')).toEqual(['Progress']));
    expect(backend.callsOf('task_move')[0]).toMatchObject({ column: 'in_progress' });
    await waitFor(() => expect(select.value).toBe('in_progress'));
  });

  it('lists the board’s own columns, shows the task’s column and moves it to a custom one', async () => {
    let qa = '';
    const { backend, user, panel, seeded } = await openPanel('Review me', (b, { boardId }) => {
      qa = b.addColumn(boardId, 'QA', 'in_review');
      b.insertTask(boardId, { title: 'Review me', assignee: b.me, status: 'in_progress' });
    });
    const select = within(panel).getByTestId('task-status-select') as HTMLSelectElement;
    await within(select).findByRole('option', { name: 'QA' });
    const options = () => Array.from(select.options).map((o) => [o.value, o.textContent]);
    expect(options()).toEqual([
      ['todo', 'To do'],
      ['in_progress', 'In progress'],
      ['in_review', 'In review'],
      ['done', 'Done'],
      [qa, 'QA'],
    ]);
    expect(select.value).toBe('in_progress');

    await user.selectOptions(select, qa);
    expect(backend.callsOf('task_move')).toEqual([
      { boardId: seeded.boardId, taskId: expect.any(String), column: qa, beforeTaskId: null, force: false },
    ]);
    await waitFor(() => expect(select.value).toBe(qa));
    const card = await findCard('Review me');
    expect(card.closest(`[data-testid="column-${qa}"]`)).toBeTruthy();
    expect(card.dataset.status).toBe('in_review');
  });

  it('names the task’s column before its board’s columns are read, and reads them again when the board changes', async () => {
    let seeded: Seeded = { teamId: '', boardId: '' };
    const { backend, user } = renderApp((b) => {
      seeded = seedTeam(b);
      b.insertTask(seeded.boardId, { title: 'Plan', status: 'in_progress' });
    });
    const card = await findCard('Plan');
    await waitFor(() => expect(backend.callsOf('board_get')).toHaveLength(1));
    backend.failNext('board_get', { code: 'io', message: 'disk busy' });
    await user.click(card);
    const panel = await screen.findByTestId('task-panel');
    const select = (await within(panel).findByTestId('task-status-select')) as HTMLSelectElement;
    await waitFor(() => expect(backend.callsOf('board_get')).toHaveLength(2));
    expect(Array.from(select.options).map((o) => [o.value, o.textContent])).toEqual([['in_progress', 'In progress']]);
    expect(select.value).toBe('in_progress');

    const later = backend.addColumn(seeded.boardId, 'Later', 'todo');
    await emitDocChanged({ docId: 'another-board', kind: 'board', teamId: seeded.teamId });
    await emitDocChanged({ docId: seeded.boardId, kind: 'board', teamId: seeded.teamId });
    await within(select).findByRole('option', { name: 'Later' });
    expect(Array.from(select.options).map((o) => o.value)).toEqual(['todo', 'in_progress', 'in_review', 'done', later]);
    expect(select.value).toBe('in_progress');
  });

  it('asks before moving a blocked task to a custom Done column, then retries with force', async () => {
    let shipped = '';
    const { backend, user, panel } = await openPanel('Ship it', (b, { boardId }) => {
      shipped = b.addColumn(boardId, 'Shipped', 'done');
      const spec = b.insertTask(boardId, { title: 'Write spec' });
      b.insertTask(boardId, { title: 'Ship it', dependsOn: [spec.id] });
    });
    const select = within(panel).getByTestId('task-status-select') as HTMLSelectElement;
    await within(select).findByRole('option', { name: 'Shipped' });
    await user.selectOptions(select, shipped);

    const dialog = await screen.findByTestId('confirm-dialog');
    expect(dialog.textContent).toContain('This task is blocked by “Write spec”. Move it to Done anyway?');
    await user.click(within(dialog).getByTestId('confirm-ok'));
    await waitFor(() => expect(select.value).toBe(shipped));
    expect(backend.callsOf('task_move').map((m) => [m.column, m.force])).toEqual([
      [shipped, false],
      [shipped, true],
    ]);
    expect((await findCard('Ship it')).dataset.status).toBe('done');
  });

  it('keeps the task in its column and explains when a move is refused', async () => {
    let qa = '';
    const { user, panel } = await openPanel('Nobody on it', (b, { boardId }) => {
      qa = b.addColumn(boardId, 'QA', 'in_review');
      b.insertTask(boardId, { title: 'Nobody on it', status: 'in_progress' });
    });
    const select = within(panel).getByTestId('task-status-select') as HTMLSelectElement;
    await within(select).findByRole('option', { name: 'QA' });
    await user.selectOptions(select, qa);
    const toast = await screen.findByTestId('error-toast');
    expect(toast.getAttribute('data-code')).toBe('invalid_transition');
    await waitFor(() => expect(cardTitles('in_progress')).toEqual(['Nobody on it']));
    await waitFor(() => expect(select.value).toBe('in_progress'));
  });

  it('assigns, sets priority, due date and labels', async () => {
    const { backend, user, panel } = await openPanel('Props', (b, { boardId, teamId }) => {
      b.addMember(teamId, 'Grace Hopper');
      b.insertTask(boardId, { title: 'Props' });
    });
    await user.selectOptions(within(panel).getByTestId('task-assignee-select'), 'Grace Hopper');
    await user.selectOptions(within(panel).getByTestId('task-priority-select'), 'urgent');
    const due = within(panel).getByTestId('task-due-input');
    await user.type(due, '2031-05-06{Enter}');
    await user.type(within(panel).getByTestId('label-input'), 'Bug{Enter}');

    const card = await findCard('Props');
    await waitFor(() => expect(within(card).getByText('bug')).toBeTruthy());
    expect(within(card).getByText('GH')).toBeTruthy();
    expect(within(card).getByRole('img', { name: 'Urgent' })).toBeTruthy();
    expect(backend.callsOf('task_update').map((c) => c.patch)).toEqual([
      { assignees: [expect.stringMatching(/^user-/)] },
      { priority: 'urgent' },
      { due: '2031-05-06' },
      { labels: ['Bug'] },
    ]);

    await user.click(within(panel).getByRole('button', { name: 'Remove label bug' }));
    await user.click(within(panel).getByTestId('task-due-clear'));
    await waitFor(() =>
      expect(backend.callsOf('task_update').slice(-2).map((c) => c.patch)).toEqual([{ labels: [] }, { due: null }]),
    );
  });

  it('re-reads the task after a failed edit', async () => {
    const { backend, user, panel } = await openPanel('Dated', (b, { boardId }) => {
      b.insertTask(boardId, { title: 'Dated' });
    });
    backend.failNext('task_update', { code: 'invalid_date', message: '`2031-02-30` is not a valid date' });
    const reads = backend.callsOf('task_get').length;
    await user.selectOptions(within(panel).getByTestId('task-priority-select'), 'high');

    const toast = await screen.findByTestId('error-toast');
    expect(toast.getAttribute('data-code')).toBe('invalid_date');
    await waitFor(() => expect(backend.callsOf('task_get').length).toBe(reads + 1));
    expect((within(panel).getByTestId('task-priority-select') as HTMLSelectElement).value).toBe('none');
  });

  it('shows a refused dependency cycle in the panel, by its code, and adds nothing', async () => {
    const { backend, user, panel } = await openPanel('Chicken', (b, { boardId }) => {
      b.insertTask(boardId, { title: 'Egg' });
      b.insertTask(boardId, { title: 'Chicken' });
    });
    backend.failNext('task_add_dependency', {
      code: 'dependency_cycle',
      message: 'this dependency would create a cycle: Chicken → Egg → Chicken',
    });
    await within(within(panel).getByTestId('dependency-select')).findByRole('option', { name: 'Egg' });
    await user.selectOptions(within(panel).getByTestId('dependency-select'), 'Egg');

    const error = await within(panel).findByTestId('dependency-error');
    expect(error.getAttribute('data-code')).toBe('dependency_cycle');
    expect(error.textContent).toContain('loop');
    expect(error.textContent).toContain('Chicken → Egg → Chicken');
    expect(screen.queryByTestId('error-toast')).toBeNull();
    expect(within(panel).queryAllByTestId('dependency-item')).toHaveLength(0);
  });

  it('shows an unknown task as a coded error', async () => {
    const rendered = renderApp((backend) => {
      const { boardId } = seedTeam(backend);
      backend.insertTask(boardId, { title: 'Gone' });
    });
    rendered.backend.failNext('task_get', { code: 'not_found', message: 'task `x` does not exist' });
    await rendered.user.click(await findCard('Gone'));
    const toast = await screen.findByTestId('error-toast');
    expect(toast.getAttribute('data-code')).toBe('not_found');
  });

  it('adds and removes a dependency', async () => {
    const { backend, user, panel } = await openPanel('Later', (b, { boardId }) => {
      b.insertTask(boardId, { title: 'First' });
      b.insertTask(boardId, { title: 'Later' });
    });
    await within(within(panel).getByTestId('dependency-select')).findByRole('option', { name: 'First' });
    await user.selectOptions(within(panel).getByTestId('dependency-select'), 'First');

    await waitFor(() => expect(within(panel).getAllByTestId('dependency-item')).toHaveLength(1));
    expect(backend.callsOf('task_add_dependency')[0]).toMatchObject({ dependsOn: expect.any(String) });
    await waitFor(() => expect(within(screen.getAllByTestId('task-card')[1]).getByText('Blocked')).toBeTruthy());

    await user.click(within(panel).getByRole('button', { name: 'Remove dependency on First' }));
    await waitFor(() => expect(within(panel).queryAllByTestId('dependency-item')).toHaveLength(0));
    expect(backend.callsOf('task_remove_dependency')).toHaveLength(1);
  });

  it('posts a comment with Ctrl+Enter and shows it with its author', async () => {
    const { backend, user, panel } = await openPanel('Discuss', (b, { boardId }) => {
      b.insertTask(boardId, { title: 'Discuss' });
    });
    const input = within(panel).getByTestId('comment-input') as HTMLTextAreaElement;
    await user.type(input, 'Looks good');
    await user.keyboard('{Control>}{Enter}{/Control}');

    const comment = await within(panel).findByTestId('comment');
    expect(comment.textContent).toContain('Alex Rivera');
    expect(comment.textContent).toContain('Looks good');
    expect(comment.textContent).toContain('just now');
    expect(input.value).toBe('');
    expect(backend.callsOf('comment_add')).toEqual([
      { boardId: expect.any(String), taskId: expect.any(String), body: 'Looks good' },
    ]);
    const card = await findCard('Discuss');
    expect(card.querySelector('.card__comments')?.textContent).toBe('1');
  });

  it('posts a comment with the Comment button', async () => {
    const { backend, user, panel } = await openPanel('Discuss', (b, { boardId }) => {
      b.insertTask(boardId, { title: 'Discuss' });
    });
    await user.type(within(panel).getByTestId('comment-input'), 'Second thought');
    await user.click(within(panel).getByTestId('comment-submit'));
    await within(panel).findByTestId('comment');
    expect(backend.callsOf('comment_add')).toHaveLength(1);
  });

  it('deletes the task after confirmation and closes the panel', async () => {
    const { backend, user, panel } = await openPanel('Doomed', (b, { boardId }) => {
      b.insertTask(boardId, { title: 'Doomed' });
    });
    await user.click(within(panel).getByTestId('task-delete'));
    const dialog = await screen.findByTestId('confirm-dialog');
    expect(dialog.textContent).toContain('“Doomed”');
    // Destructive dialogs start on Cancel.
    expect(document.activeElement).toBe(screen.getByTestId('confirm-cancel'));
    await user.click(screen.getByTestId('confirm-ok'));

    await waitFor(() => expect(screen.queryByTestId('task-panel')).toBeNull());
    expect(cardTitles('todo')).toEqual([]);
    expect(backend.callsOf('task_delete')).toHaveLength(1);
  });

  it('keeps the task when deletion is cancelled', async () => {
    const { backend, user, panel } = await openPanel('Safe', (b, { boardId }) => {
      b.insertTask(boardId, { title: 'Safe' });
    });
    await user.click(within(panel).getByTestId('task-delete'));
    await user.click(await screen.findByTestId('confirm-cancel'));
    expect(screen.getByTestId('task-panel')).toBeTruthy();
    expect(backend.callsOf('task_delete')).toEqual([]);
  });

  it('traps focus inside the confirmation dialog', async () => {
    const { user, panel } = await openPanel('Trap', (b, { boardId }) => {
      b.insertTask(boardId, { title: 'Trap' });
    });
    await user.click(within(panel).getByTestId('task-delete'));
    await screen.findByTestId('confirm-dialog');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByTestId('confirm-ok'));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByTestId('confirm-cancel'));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByTestId('confirm-ok'));
  });

  it('closes with Escape and gives focus back to the card', async () => {
    const { user } = await openPanel('Close me', (b, { boardId }) => {
      b.insertTask(boardId, { title: 'Close me' });
    });
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('task-panel')).toBeNull();
    const card = await findCard('Close me');
    expect(document.activeElement).toBe(card);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { cardTitles, emitDocChanged, findCard, renderApp, seedTeam, type Seeded } from '../test/renderApp';
import type { FakeBackend } from '../dev/fakeBackend';

function boardWith(setup: (backend: FakeBackend, seeded: Seeded) => void) {
  let seeded: Seeded = { teamId: '', boardId: '' };
  const rendered = renderApp((backend) => {
    seeded = seedTeam(backend);
    setup(backend, seeded);
  });
  return { ...rendered, seeded };
}

const columnEl = (id: string) => screen.getByTestId(`column-${id}`);
const titlesIn = (id: string) => within(columnEl(id)).queryAllByTestId('task-card-title').map((el) => el.textContent);
const headings = () =>
  Array.from(document.querySelectorAll('[data-column-id]')).map((c) => within(c as HTMLElement).getByRole('heading').textContent);

async function openColumnMenu(user: ReturnType<typeof renderApp>['user'], columnId: string, item: string) {
  await user.click(await screen.findByTestId(`column-menu-${columnId}`));
  await user.click(screen.getByTestId(`column-${item}`));
}

beforeAll(() => {
  if (!('DragEvent' in window)) {
    class DragEventPolyfill extends MouseEvent {}
    Object.defineProperty(window, 'DragEvent', { value: DragEventPolyfill, configurable: true });
  }
});

describe('board columns', () => {
  it('renders the columns of board_get in board order, each card in the column its `column` names', async () => {
    const { backend } = boardWith((b, { boardId }) => {
      const qa = b.addColumn(boardId, 'QA', 'in_review');
      b.insertTask(boardId, { title: 'Check the build', column: qa, assignee: b.me });
      b.insertTask(boardId, { title: 'Plan' });
    });
    await findCard('Check the build');
    expect(headings()).toEqual(['To do', 'In progress', 'In review', 'Done', 'QA']);
    const qaColumn = document.querySelector<HTMLElement>('[data-column-id^="column-"]') as HTMLElement;
    expect(within(qaColumn).getByText('Check the build')).toBeTruthy();
    expect(qaColumn.dataset.status).toBe('in_review');
    expect(cardTitles('todo')).toEqual(['Plan']);
    expect(backend.callsOf('board_get')).toHaveLength(1);
  });

  it('reads the columns again when the board changes elsewhere', async () => {
    const { backend, seeded } = boardWith(() => {});
    await screen.findByTestId('column-done');
    backend.addColumn(seeded.boardId, 'Later', 'todo');
    await emitDocChanged({ docId: 'another-board', kind: 'board', teamId: seeded.teamId });
    await emitDocChanged({ docId: seeded.boardId, kind: 'board', teamId: seeded.teamId });
    await waitFor(() => expect(headings()).toEqual(['To do', 'In progress', 'In review', 'Done', 'Later']));
    expect(backend.callsOf('board_get')).toHaveLength(2);
  });

  it('renames a column, sets its category and a WIP limit from its menu', async () => {
    const { backend, user, seeded } = boardWith((b, { boardId }) => {
      b.insertTask(boardId, { title: 'Almost there', status: 'in_review', assignee: b.me });
    });
    const card = await findCard('Almost there');
    expect(card.dataset.status).toBe('in_review');
    await openColumnMenu(user, 'in_review', 'edit');
    const sheet = await screen.findByTestId('column-sheet');
    const name = within(sheet).getByTestId('column-name-input');
    await user.clear(name);
    await user.type(name, 'Shipped');
    await user.selectOptions(within(sheet).getByTestId('column-status-select'), 'done');
    await user.type(within(sheet).getByTestId('column-wip-input'), '3');
    await user.click(within(sheet).getByTestId('column-save'));

    await waitFor(() => expect(screen.queryByTestId('column-sheet')).toBeNull());
    expect(backend.callsOf('column_update')).toEqual([
      { boardId: seeded.boardId, columnId: 'in_review', name: 'Shipped', wipLimit: 3, status: 'done' },
    ]);
    expect(within(columnEl('in_review')).getByRole('heading').textContent).toBe('Shipped');
    expect(screen.getByTestId('column-count-in_review').textContent).toBe('1 / 3');
    // A new category moves the column's cards with it.
    await waitFor(async () => expect((await findCard('Almost there')).dataset.status).toBe('done'));

    // Clearing the limit sends null.
    await openColumnMenu(user, 'in_review', 'edit');
    await user.clear(within(await screen.findByTestId('column-sheet')).getByTestId('column-wip-input'));
    await user.click(screen.getByTestId('column-save'));
    await waitFor(() => expect(backend.callsOf('column_update')[1]).toEqual({ boardId: seeded.boardId, columnId: 'in_review', name: 'Shipped', wipLimit: null }));
    await waitFor(() => expect(screen.getByTestId('column-count-in_review').textContent).toBe('1'));
  });

  it('keeps Tab inside the column sheet, closes it on Escape and gives focus back to the menu', async () => {
    const { backend, user } = boardWith(() => {});
    await openColumnMenu(user, 'done', 'edit');
    const sheet = await screen.findByTestId('column-sheet');
    expect(sheet.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(within(sheet).getByTestId('column-name-input'));
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(document.activeElement).toBe(within(sheet).getByTestId('column-save'));
    await user.keyboard('{Tab}');
    expect(document.activeElement).toBe(within(sheet).getByTestId('column-name-input'));
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('column-sheet')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('column-menu-done'));
    expect(backend.callsOf('column_update')).toEqual([]);
  });

  it('refuses a WIP limit that is not a whole number of at least 1 before sending it', async () => {
    const { backend, user } = boardWith(() => {});
    await openColumnMenu(user, 'todo', 'edit');
    await user.type(await screen.findByTestId('column-wip-input'), '0');
    expect(screen.getByTestId('column-wip-error').textContent).toContain('at least 1');
    expect((screen.getByTestId('column-save') as HTMLButtonElement).disabled).toBe(true);
    expect(backend.callsOf('column_update')).toEqual([]);
  });

  it('moves a column left and right', async () => {
    const { backend, user, seeded } = boardWith(() => {});
    await screen.findByTestId('column-menu-done');
    await openColumnMenu(user, 'done', 'left');
    await waitFor(() => expect(headings()).toEqual(['To do', 'In progress', 'Done', 'In review']));
    expect(backend.callsOf('column_move')).toEqual([{ boardId: seeded.boardId, columnId: 'done', beforeColumnId: 'in_review' }]);
    await openColumnMenu(user, 'todo', 'right');
    await waitFor(() => expect(headings()).toEqual(['In progress', 'To do', 'Done', 'In review']));
    expect(backend.callsOf('column_move')[1]).toEqual({ boardId: seeded.boardId, columnId: 'todo', beforeColumnId: 'done' });
    // Nothing further left than first.
    await user.click(screen.getByTestId('column-menu-in_progress'));
    expect((screen.getByTestId('column-left') as HTMLButtonElement).disabled).toBe(true);
  });

  it('deletes a column after asking where its tasks go', async () => {
    const { backend, user, seeded } = boardWith((b, { boardId }) => {
      b.insertTask(boardId, { title: 'Half done', status: 'in_progress' });
    });
    await findCard('Half done');
    await openColumnMenu(user, 'in_progress', 'delete');
    const sheet = await screen.findByTestId('delete-column-sheet');
    expect(sheet.textContent).toContain('Its 1 task move to the column you pick');
    await user.selectOptions(within(sheet).getByTestId('delete-column-move-to'), 'done');
    await user.click(within(sheet).getByTestId('delete-column-confirm'));

    await waitFor(() => expect(screen.queryByTestId('column-in_progress')).toBeNull());
    expect(backend.callsOf('column_delete')).toEqual([{ boardId: seeded.boardId, columnId: 'in_progress', moveTo: 'done' }]);
    await waitFor(() => expect(cardTitles('done')).toEqual(['Half done']));
  });

  it('keeps the last column: its Delete is off', async () => {
    const { backend, user } = boardWith((b, { boardId }) => {
      for (const id of ['in_progress', 'in_review', 'done']) b.handle('column_delete', { boardId, columnId: id, moveTo: 'todo' });
    });
    await user.click(await screen.findByTestId('column-menu-todo'));
    expect((screen.getByTestId('column-delete') as HTMLButtonElement).disabled).toBe(true);
    expect(backend.callsOf('column_delete')).toHaveLength(3);
  });

  it('adds a column at the end of the board', async () => {
    const { backend, user, seeded } = boardWith(() => {});
    await user.click(await screen.findByTestId('add-column'));
    const sheet = await screen.findByTestId('column-sheet');
    await user.type(within(sheet).getByTestId('column-name-input'), 'Waiting');
    await user.selectOptions(within(sheet).getByTestId('column-status-select'), 'todo');
    await user.click(within(sheet).getByTestId('column-save'));
    await waitFor(() => expect(headings()).toEqual(['To do', 'In progress', 'In review', 'Done', 'Waiting']));
    expect(backend.callsOf('column_add')).toEqual([{ boardId: seeded.boardId, name: 'Waiting', status: 'todo', wipLimit: null }]);
  });

  it('shows the error of a refused column write and keeps the sheet open', async () => {
    const { user } = boardWith(() => {});
    await user.click(await screen.findByTestId('add-column'));
    await user.click(within(await screen.findByTestId('column-sheet')).getByTestId('column-save'));
    const toast = await screen.findByTestId('error-toast');
    expect(toast.getAttribute('data-code')).toBe('empty');
    expect(screen.getByTestId('column-sheet')).toBeTruthy();
  });

  it('drags a card into a column of the board’s own by data-column-id', async () => {
    let review = '';
    const { backend } = boardWith((b, { boardId }) => {
      review = b.addColumn(boardId, 'Design review', 'in_progress');
      b.insertTask(boardId, { title: 'Dragged' });
    });
    const dragged = await findCard('Dragged');
    const target = document.querySelector<HTMLElement>(`[data-column-id="${review}"]`) as HTMLElement;
    const dataTransfer = { setData: () => {}, getData: () => dragged.dataset.taskId ?? '', effectAllowed: '', dropEffect: '' };
    fireEvent.dragStart(dragged, { dataTransfer });
    fireEvent.dragOver(target, { dataTransfer, clientY: 10 });
    expect(target.querySelector('.drop-indicator')).not.toBeNull();
    fireEvent.drop(target, { dataTransfer, clientY: 10 });
    await waitFor(() => expect(titlesIn(review)).toEqual(['Dragged']));
    expect(backend.callsOf('task_move')[0]).toMatchObject({ taskId: dragged.dataset.taskId, column: review, beforeTaskId: null });
    await waitFor(async () => expect((await findCard('Dragged')).dataset.status).toBe('in_progress'));
  });

  it('moves selected cards to a column of the board’s own in one bulk edit', async () => {
    let later = '';
    const ids: string[] = [];
    const { backend, user, seeded } = boardWith((b, { boardId }) => {
      later = b.addColumn(boardId, 'Later', 'todo');
      for (const title of ['A', 'B']) ids.push(b.insertTask(boardId, { title }).id);
    });
    await findCard('A');
    await user.click(screen.getByTestId(`card-select-${ids[0]}`));
    await user.click(screen.getByTestId(`card-select-${ids[1]}`));
    const move = screen.getByTestId('bulk-move');
    expect(within(move).getByRole('option', { name: 'Later' })).toBeTruthy();
    await user.selectOptions(move, later);
    await waitFor(() => expect(titlesIn(later)).toEqual(['A', 'B']));
    expect(backend.callsOf('bulk_edit')).toEqual([
      { boardId: seeded.boardId, taskIds: ids, action: { kind: 'move', column: later, force: false } },
    ]);
  });
});

describe('WIP limits', () => {
  it('shows a column over its limit as a warning and warns when a card moves in, without refusing it', async () => {
    const { backend, user } = boardWith((b, { boardId }) => {
      b.setWipLimit(boardId, 'in_progress', 1);
      b.insertTask(boardId, { title: 'Busy', status: 'in_progress' });
      b.insertTask(boardId, { title: 'One more' });
    });
    const count = await screen.findByTestId('column-count-in_progress');
    await waitFor(() => expect(count.textContent).toBe('1 / 1'));
    expect(count.dataset.over).toBeUndefined();
    expect(count.getAttribute('aria-label')).toBe('1 task, WIP limit 1');

    (await findCard('One more')).focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    const warning = await screen.findByTestId('warning-toast');
    expect(warning.textContent).toContain('In progress is over its WIP limit: 2 / 1');
    await waitFor(() => expect(cardTitles('in_progress')).toEqual(['Busy', 'One more']));
    expect(backend.callsOf('task_move')).toHaveLength(1);
    const over = screen.getByTestId('column-count-in_progress');
    expect(over.textContent).toBe('2 / 1');
    expect(over.dataset.over).toBe('true');
    expect(over.getAttribute('aria-label')).toBe('2 tasks, over the WIP limit of 1');
    expect(screen.queryByTestId('error-toast')).toBeNull();
  });

  it('warns when a bulk move fills a column past its limit', async () => {
    const ids: string[] = [];
    const { user } = boardWith((b, { boardId }) => {
      b.setWipLimit(boardId, 'done', 1);
      for (const title of ['A', 'B']) ids.push(b.insertTask(boardId, { title }).id);
    });
    await findCard('A');
    await user.click(screen.getByTestId(`card-select-${ids[0]}`));
    await user.click(screen.getByTestId(`card-select-${ids[1]}`));
    await user.selectOptions(screen.getByTestId('bulk-move'), 'done');
    expect((await screen.findByTestId('warning-toast')).textContent).toContain('Done is over its WIP limit: 2 / 1');
    await waitFor(() => expect(cardTitles('done')).toEqual(['A', 'B']));
  });
});

describe('cards', () => {
  it('show several assignees, checklist progress, subtasks, the estimate and start–due dates', async () => {
    boardWith((b, { boardId, teamId }) => {
      const ada = b.addMember(teamId, 'Ada Lovelace');
      const grace = b.addMember(teamId, 'Grace Hopper');
      const parent = b.insertTask(boardId, {
        title: 'Spec',
        assignees: [ada, grace],
        start: '2030-03-02',
        due: '2030-03-09',
        estimateMinutes: 90,
        checklist: [
          { id: 'i1', text: 'One', done: true },
          { id: 'i2', text: 'Two', done: false },
        ],
      });
      b.insertTask(boardId, { title: 'Part', parentId: parent.id });
    });
    const card = await findCard('Spec');
    expect(within(card).getByTestId('task-card-assignees').dataset.count).toBe('2');
    expect(within(card).getByText('AL')).toBeTruthy();
    expect(within(card).getByText('GH')).toBeTruthy();
    expect(within(card).getByTestId('task-card-checklist').textContent).toBe('1/2');
    expect(within(card).getByTestId('task-card-subtasks').textContent).toBe('1');
    expect(within(card).getByTestId('task-card-estimate').textContent).toBe('1h 30m');
    expect(within(card).getByTestId('task-card-dates').textContent).toMatch(/Mar 2.*–.*Mar 9/);
    const label = card.getAttribute('aria-label') ?? '';
    expect(label).toContain('assigned to Ada Lovelace, Grace Hopper');
    expect(label).toContain('checklist 1 of 2 done');
    expect(label).toContain('1 subtask');
    expect(within(await findCard('Part')).queryByTestId('task-card-subtasks')).toBeNull();
  });
});

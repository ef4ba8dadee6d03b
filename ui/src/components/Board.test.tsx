import { beforeAll, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { cardTitles, column, findCard, renderApp, seedTeam, type Seeded } from '../test/renderApp';
import type { FakeBackend } from '../dev/fakeBackend';

function boardWith(setup: (backend: FakeBackend, seeded: Seeded) => void) {
  let seeded: Seeded = { teamId: '', boardId: '' };
  const rendered = renderApp((backend) => {
    seeded = seedTeam(backend);
    setup(backend, seeded);
  });
  return { ...rendered, seeded };
}

// jsdom has no DragEvent, and a plain Event would drop clientY.
beforeAll(() => {
  if (!('DragEvent' in window)) {
    class DragEventPolyfill extends MouseEvent {}
    Object.defineProperty(window, 'DragEvent', { value: DragEventPolyfill, configurable: true });
  }
});

describe('Board', () => {
  it('puts each task from task_list in its status column, in order, with counts', async () => {
    const { seeded } = boardWith((b, { boardId, teamId }) => {
      const ada = b.addMember(teamId, 'Ada Lovelace');
      b.insertTask(boardId, { title: 'Write spec', status: 'in_progress', assignee: ada, priority: 'high' });
      b.insertTask(boardId, { title: 'Plan', status: 'todo', labels: ['docs', 'ui'], due: '2000-01-01' });
      b.insertTask(boardId, { title: 'Review copy', status: 'in_review', assignee: ada });
      b.insertTask(boardId, { title: 'Kickoff', status: 'done', due: '2000-01-01' });
      b.insertTask(boardId, { title: 'Sketch', status: 'todo' });
    });

    await waitFor(() => expect(cardTitles('todo')).toEqual(['Plan', 'Sketch']));
    expect(cardTitles('in_progress')).toEqual(['Write spec']);
    expect(cardTitles('in_review')).toEqual(['Review copy']);
    expect(cardTitles('done')).toEqual(['Kickoff']);
    expect(screen.getByTestId('column-count-todo').textContent).toBe('2');
    expect(within(column('todo')).getByRole('heading').textContent).toBe('To do');
    expect(within(column('in_progress')).getByRole('heading').textContent).toBe('In progress');

    const spec = await findCard('Write spec');
    expect(spec.dataset.status).toBe('in_progress');
    expect(spec.dataset.taskId).toMatch(/^task-/);
    expect(within(spec).getByText('AL')).toBeTruthy();
    expect(within(spec).getByRole('img', { name: 'High' })).toBeTruthy();

    const plan = await findCard('Plan');
    expect(within(plan).getByText('docs')).toBeTruthy();
    expect(plan.querySelector('[data-overdue]')).not.toBeNull();
    // A finished task is never overdue.
    expect((await findCard('Kickoff')).querySelector('[data-overdue]')).toBeNull();
    expect(seeded.boardId).toBeTruthy();
  });

  it('marks blocked tasks and counts comments', async () => {
    boardWith((b, { boardId }) => {
      const first = b.insertTask(boardId, { title: 'First' });
      const second = b.insertTask(boardId, { title: 'Second', dependsOn: [first.id] });
      second.comments.push({ id: 'c1', author: b.me, body: 'hi', createdAt: 0 });
    });
    const second = await findCard('Second');
    expect(within(second).getByTestId('task-card-blocked').getAttribute('title')).toBe('Blocked by First');
    expect(second.querySelector('.card__comments')?.textContent).toBe('1');
    expect(within(await findCard('First')).queryByTestId('task-card-blocked')).toBeNull();
  });

  it('shows a muted hint in empty columns', async () => {
    boardWith(() => {});
    const done = await screen.findByTestId('column-done');
    expect(await within(done).findByText('Nothing finished yet')).toBeTruthy();
  });

  it('creates a task from the inline input with the column status', async () => {
    const { backend, user, seeded } = boardWith(() => {});
    await user.click(await screen.findByTestId('add-task-in_progress'));
    await user.type(screen.getByTestId('new-task-input'), 'Draft release notes{Enter}');

    await waitFor(() => expect(cardTitles('in_progress')).toEqual(['Draft release notes']));
    expect(backend.callsOf('task_create')).toEqual([
      { boardId: seeded.boardId, title: 'Draft release notes', column: 'in_progress' },
    ]);
    // The input stays open for the next task and is empty again.
    expect((screen.getByTestId('new-task-input') as HTMLInputElement).value).toBe('');
  });

  it('opens the To do input with "n" and cancels it with Escape', async () => {
    const { backend, user } = boardWith(() => {});
    await screen.findByTestId('add-task-todo');
    await user.keyboard('n');
    const input = screen.getByTestId('new-task-input');
    expect(column('todo').contains(input)).toBe(true);
    expect(document.activeElement).toBe(input);
    await user.type(input, 'Never mind');
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('new-task-input')).toBeNull();
    expect(backend.callsOf('task_create')).toEqual([]);
  });

  it('shows the error toast when task_create rejects with empty', async () => {
    const { backend, user } = boardWith(() => {});
    await user.click(await screen.findByTestId('add-task-todo'));
    await user.type(screen.getByTestId('new-task-input'), '   {Enter}');

    const toast = await screen.findByTestId('error-toast');
    expect(toast.getAttribute('data-code')).toBe('empty');
    expect(toast.textContent).toContain('a task title must not be empty');
    expect(backend.callsOf('task_create')).toHaveLength(1);
    expect(cardTitles('todo')).toEqual([]);
  });

  it('shows the code of an injected failure and re-reads the board', async () => {
    const { backend, user } = boardWith(() => {});
    await user.click(await screen.findByTestId('add-task-todo'));
    backend.failNext('task_create', { code: 'storage', message: 'disk full' });
    const readsBefore = backend.callsOf('task_list').length;
    await user.type(screen.getByTestId('new-task-input'), 'Anything{Enter}');

    const toast = await screen.findByTestId('error-toast');
    expect(toast.getAttribute('data-code')).toBe('storage');
    expect(toast.textContent).toContain('disk full');
    await waitFor(() => expect(backend.callsOf('task_list').length).toBe(readsBefore + 1));
  });

  it('moves a focused card to the next column with Alt+ArrowRight', async () => {
    const { backend, user, seeded } = boardWith((b, { boardId }) => {
      b.insertTask(boardId, { title: 'Movable' });
    });
    const card = await findCard('Movable');
    card.focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');

    await waitFor(() => expect(cardTitles('in_progress')).toEqual(['Movable']));
    const [move] = backend.callsOf('task_move');
    expect(move).toMatchObject({ boardId: seeded.boardId, taskId: card.dataset.taskId, column: 'in_progress' });
    // Focus follows the card so it can keep moving.
    await waitFor(() => expect((document.activeElement as HTMLElement).dataset.taskId).toBe(card.dataset.taskId));

    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    await waitFor(() => expect(cardTitles('todo')).toEqual(['Movable']));
    expect(backend.callsOf('task_move').map((m) => m.column)).toEqual(['in_progress', 'todo']);
  });

  it('does nothing on Alt+ArrowLeft in the first column', async () => {
    const { backend, user } = boardWith((b, { boardId }) => {
      b.insertTask(boardId, { title: 'Stays' });
    });
    (await findCard('Stays')).focus();
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    expect(backend.callsOf('task_move')).toEqual([]);
  });

  it('reorders within a column with Alt+ArrowUp and Alt+ArrowDown', async () => {
    const { backend, user } = boardWith((b, { boardId }) => {
      b.insertTask(boardId, { title: 'A' });
      b.insertTask(boardId, { title: 'B' });
      b.insertTask(boardId, { title: 'C' });
    });
    const b = await findCard('B');
    b.focus();
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    await waitFor(() => expect(cardTitles('todo')).toEqual(['B', 'A', 'C']));
    expect(backend.callsOf('task_move')[0]).toMatchObject({ column: 'todo', beforeTaskId: expect.any(String) });

    // To the end of its own column: the card below is moved up instead.
    (await findCard('A')).focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(cardTitles('todo')).toEqual(['B', 'C', 'A']));
  });

  it('asks before moving a blocked task to Done and retries with force', async () => {
    const { backend, user } = boardWith((b, { boardId }) => {
      const spec = b.insertTask(boardId, { title: 'Write spec' });
      b.insertTask(boardId, { title: 'Ship it', status: 'in_review', assignee: b.me, dependsOn: [spec.id] });
    });
    const card = await findCard('Ship it');
    card.focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');

    const dialog = await screen.findByTestId('confirm-dialog');
    expect(dialog.textContent).toContain('This task is blocked by “Write spec”. Move it to Done anyway?');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.getAttribute('aria-labelledby')).toBeTruthy();
    // While asking, the card is back where it was.
    await waitFor(() => expect(cardTitles('in_review')).toEqual(['Ship it']));

    await user.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(cardTitles('done')).toEqual(['Ship it']));
    const moves = backend.callsOf('task_move');
    expect(moves).toHaveLength(2);
    expect(moves[0]).toMatchObject({ column: 'done', force: false });
    expect(moves[1]).toMatchObject({ taskId: card.dataset.taskId, column: 'done', force: true });
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
  });

  it('leaves a blocked task in place when the move is cancelled', async () => {
    const { backend, user } = boardWith((b, { boardId }) => {
      const spec = b.insertTask(boardId, { title: 'Write spec' });
      b.insertTask(boardId, { title: 'Ship it', status: 'in_review', assignee: b.me, dependsOn: [spec.id] });
    });
    (await findCard('Ship it')).focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    await screen.findByTestId('confirm-dialog');
    await user.keyboard('{Escape}');

    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    await waitFor(() => expect(cardTitles('in_review')).toEqual(['Ship it']));
    expect(backend.callsOf('task_move')).toHaveLength(1);
    expect(screen.queryByTestId('error-toast')).toBeNull();
  });

  it('puts the card back and explains when a move is refused', async () => {
    const { user } = boardWith((b, { boardId }) => {
      b.insertTask(boardId, { title: 'Unassigned', status: 'in_progress' });
    });
    (await findCard('Unassigned')).focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    const toast = await screen.findByTestId('error-toast');
    expect(toast.getAttribute('data-code')).toBe('invalid_transition');
    await waitFor(() => expect(cardTitles('in_progress')).toEqual(['Unassigned']));
    expect(cardTitles('in_review')).toEqual([]);
  });

  it('moves a card by drag and drop, before the card it is dropped on', async () => {
    const { backend } = boardWith((b, { boardId }) => {
      b.insertTask(boardId, { title: 'Dragged' });
      b.insertTask(boardId, { title: 'Target', status: 'in_progress' });
    });
    const dragged = await findCard('Dragged');
    const target = await findCard('Target');
    const dataTransfer = { setData: () => {}, getData: () => dragged.dataset.taskId ?? '', effectAllowed: '', dropEffect: '' };

    // jsdom has no layout: place the target card at y 100–140 and point above its middle.
    vi.spyOn(target, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 100, 260, 40));

    fireEvent.dragStart(dragged, { dataTransfer });
    fireEvent.dragOver(column('in_progress'), { dataTransfer, clientY: 110 });
    expect(column('in_progress').querySelector('.drop-indicator')).not.toBeNull();
    fireEvent.drop(column('in_progress'), { dataTransfer, clientY: 110 });

    await waitFor(() => expect(cardTitles('in_progress')).toEqual(['Dragged', 'Target']));
    expect(backend.callsOf('task_move')[0]).toMatchObject({
      taskId: dragged.dataset.taskId,
      column: 'in_progress',
      beforeTaskId: target.dataset.taskId,
    });
    await act(async () => {
      fireEvent.dragEnd(dragged);
    });
    expect(document.querySelector('.drop-indicator')).toBeNull();
  });

  it('opens a card with Enter', async () => {
    const { user } = boardWith((b, { boardId }) => {
      b.insertTask(boardId, { title: 'Open me' });
    });
    (await findCard('Open me')).focus();
    await user.keyboard('{Enter}');
    const panel = await screen.findByTestId('task-panel');
    await waitFor(() =>
      expect((within(panel).getByTestId('task-title-input') as HTMLTextAreaElement).value).toBe('Open me'),
    );
  });
});

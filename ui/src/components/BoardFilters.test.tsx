import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { cardTitles, findCard, renderApp, seedTeam } from '../test/renderApp';

/** Ada's late task, Grace's blocked one, my labelled one, and one nobody has. */
function filterBoard() {
  const seed = { boardId: '', ada: '', grace: '' };
  const rendered = renderApp((b) => {
    const { teamId, boardId } = seedTeam(b);
    const ada = b.addMember(teamId, 'Ada Lovelace');
    const grace = b.addMember(teamId, 'Grace Hopper');
    Object.assign(seed, { boardId, ada, grace });
    const spec = b.insertTask(boardId, { title: 'Late spec', assignee: ada, due: '2000-01-01', priority: 'high' });
    b.insertTask(boardId, { title: 'Waiting on spec', assignee: grace, dependsOn: [spec.id], status: 'in_progress' });
    b.insertTask(boardId, { title: 'Mine', assignee: b.me, labels: ['ui'], due: '2999-06-01' });
    b.insertTask(boardId, { title: 'Nobody’s', labels: ['docs'] });
  });
  return { ...rendered, seed };
}

const allTitles = () => screen.queryAllByTestId('task-card-title').map((el) => el.textContent).sort();
const lastQuery = (backend: ReturnType<typeof renderApp>['backend']) => backend.callsOf('task_query').slice(-1)[0]?.query;

describe('board filters', () => {
  it('narrows the board with task_query, says so, and clears', async () => {
    const { backend, user, seed } = filterBoard();
    await findCard('Late spec');
    expect(screen.queryByTestId('filter-status')).toBeNull();

    await user.selectOptions(screen.getByTestId('filter-assignee'), seed.ada);
    await waitFor(() => expect(allTitles()).toEqual(['Late spec']));
    expect(lastQuery(backend)).toEqual({ assignee: seed.ada, boardId: seed.boardId });
    expect(screen.getByTestId('filter-status').textContent).toContain('Showing 1 of 4 tasks');
    // Counts (and WIP limits) still count every card of the column.
    expect(screen.getByTestId('column-count-todo').textContent).toBe('3');

    await user.selectOptions(screen.getByTestId('filter-label'), 'ui');
    await waitFor(() => expect(allTitles()).toEqual([]));
    expect(screen.getByTestId('column-todo').textContent).toContain('No tasks here match the filter');
    expect(lastQuery(backend)).toEqual({ assignee: seed.ada, label: 'ui', boardId: seed.boardId });

    await user.click(screen.getByTestId('filter-clear'));
    await waitFor(() => expect(allTitles()).toHaveLength(4));
    expect(screen.queryByTestId('filter-status')).toBeNull();
    expect((screen.getByTestId('filter-assignee') as HTMLSelectElement).value).toBe('');
  });

  it('filters by priority, due date, overdue and blocked', async () => {
    const { backend, user, seed } = filterBoard();
    await findCard('Late spec');
    await user.selectOptions(screen.getByTestId('filter-priority'), 'high');
    await waitFor(() => expect(allTitles()).toEqual(['Late spec']));
    await user.selectOptions(screen.getByTestId('filter-priority'), '');

    await user.type(screen.getByTestId('filter-due-before'), '2999-12-31');
    await waitFor(() => expect(allTitles()).toEqual(['Late spec', 'Mine']));
    expect(lastQuery(backend)).toEqual({ dueBefore: '2999-12-31', boardId: seed.boardId });
    await user.clear(screen.getByTestId('filter-due-before'));

    await user.click(screen.getByTestId('filter-overdue'));
    await waitFor(() => expect(allTitles()).toEqual(['Late spec']));
    await user.click(screen.getByTestId('filter-overdue'));
    await user.click(screen.getByTestId('filter-blocked'));
    await waitFor(() => expect(allTitles()).toEqual(['Waiting on spec']));
    expect(lastQuery(backend)).toEqual({ blocked: true, boardId: seed.boardId });
  });

  it('offers My tasks, Overdue and Blocked as one-click views that toggle off again', async () => {
    const { backend, user, seed } = filterBoard();
    await findCard('Late spec');
    const mine = screen.getByTestId('preset-mine');
    await user.click(mine);
    await waitFor(() => expect(allTitles()).toEqual(['Mine']));
    expect(mine.getAttribute('aria-pressed')).toBe('true');
    expect(lastQuery(backend)).toEqual({ assignee: backend.me, boardId: seed.boardId });

    await user.click(screen.getByTestId('preset-overdue'));
    await waitFor(() => expect(allTitles()).toEqual(['Late spec']));
    expect(mine.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByTestId('filter-overdue')).toHaveProperty('checked', true);

    await user.click(screen.getByTestId('preset-blocked'));
    await waitFor(() => expect(allTitles()).toEqual(['Waiting on spec']));
    await user.click(screen.getByTestId('preset-blocked'));
    await waitFor(() => expect(allTitles()).toHaveLength(4));
  });

  it('takes a card out of the filter as soon as an edit no longer matches it', async () => {
    const { user, seed } = filterBoard();
    await findCard('Late spec');
    await user.click(screen.getByTestId('preset-mine'));
    await waitFor(() => expect(allTitles()).toEqual(['Mine']));
    const card = await findCard('Mine');
    await user.click(screen.getByTestId(`card-select-${card.dataset.taskId}`));
    await user.selectOptions(screen.getByTestId('bulk-assign'), seed.grace);
    await waitFor(() => expect(allTitles()).toEqual([]));
    expect(cardTitles('todo')).toEqual([]);
  });

  it('saves the filter as a view the board keeps, applies it, and deletes it', async () => {
    const { backend, user, seed } = filterBoard();
    await findCard('Late spec');
    expect((screen.getByTestId('view-save') as HTMLButtonElement).disabled).toBe(true);
    await user.selectOptions(screen.getByTestId('filter-label'), 'docs');
    await user.click(screen.getByTestId('view-save'));
    await user.type(screen.getByTestId('view-name-input'), 'Docs work{Enter}');

    const chip = await screen.findByTestId('saved-view');
    expect(chip.textContent).toContain('Docs work');
    expect(backend.callsOf('view_save')).toEqual([{ boardId: seed.boardId, name: 'Docs work', query: { label: 'docs' } }]);
    const viewId = chip.dataset.viewId as string;
    expect(screen.getByTestId(`view-${viewId}`).getAttribute('aria-pressed')).toBe('true');

    await user.click(screen.getByTestId('filter-clear'));
    await waitFor(() => expect(allTitles()).toHaveLength(4));
    await user.click(screen.getByTestId(`view-${viewId}`));
    await waitFor(() => expect(allTitles()).toEqual(['Nobody’s']));
    expect((screen.getByTestId('filter-label') as HTMLSelectElement).value).toBe('docs');

    await user.click(screen.getByTestId(`view-delete-${viewId}`));
    await user.click(within(await screen.findByTestId('confirm-dialog')).getByTestId('confirm-ok'));
    await waitFor(() => expect(screen.queryByTestId('saved-view')).toBeNull());
    expect(backend.callsOf('view_delete')).toEqual([{ boardId: seed.boardId, viewId }]);
    // The view on screen went, and its filter with it.
    await waitFor(() => expect(allTitles()).toHaveLength(4));
  });

  it('lists the views already kept in the board', async () => {
    const { user } = renderApp((b) => {
      const { boardId } = seedTeam(b);
      b.insertTask(boardId, { title: 'Urgent thing', priority: 'urgent' });
      b.insertTask(boardId, { title: 'Calm thing' });
      b.handle('view_save', { boardId, name: 'Fires', query: { priority: 'urgent' } });
    });
    await findCard('Calm thing');
    const chip = await screen.findByTestId('saved-view');
    await user.click(within(chip).getByRole('button', { name: 'Fires' }));
    await waitFor(() => expect(allTitles()).toEqual(['Urgent thing']));
  });
});

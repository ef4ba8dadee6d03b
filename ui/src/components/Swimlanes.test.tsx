import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { findCard, renderApp, seedTeam } from '../test/renderApp';

function laneBoard() {
  const seed = { ada: '', grace: '' };
  const rendered = renderApp((b) => {
    const { teamId, boardId } = seedTeam(b);
    const ada = b.addMember(teamId, 'Ada Lovelace');
    const grace = b.addMember(teamId, 'Grace Hopper');
    Object.assign(seed, { ada, grace });
    b.insertTask(boardId, { title: 'Ada plans', assignee: ada });
    b.insertTask(boardId, { title: 'Ada builds', assignee: ada, status: 'in_progress' });
    // Several assignees: the lane of the first.
    b.insertTask(boardId, { title: 'Pair work', assignees: [grace, ada], status: 'in_progress' });
    b.insertTask(boardId, { title: 'Loose end' });
  });
  return { ...rendered, seed };
}

const lanes = () => screen.getAllByTestId('swimlane');
const laneName = (lane: HTMLElement) =>
  `${lane.querySelector('.swimlane__name')?.textContent} (${lane.querySelector('.swimlane__count')?.textContent})`;
const cellTitles = (lane: string, column: string) =>
  within(screen.getByTestId(`lane-cell-${lane}-${column}`))
    .queryAllByTestId('task-card-title')
    .map((el) => el.textContent);

describe('swimlanes by assignee', () => {
  it('splits the board into a row per first assignee, Unassigned last, with the columns inside', async () => {
    const { user, seed } = laneBoard();
    await findCard('Pair work');
    expect(screen.queryByTestId('swimlanes')).toBeNull();
    const toggle = screen.getByTestId('lanes-toggle');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await user.click(toggle);

    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(lanes().map(laneName)).toEqual(['Ada Lovelace (2)', 'Grace Hopper (1)', 'Unassigned (1)']);
    expect(cellTitles(seed.ada, 'todo')).toEqual(['Ada plans']);
    expect(cellTitles(seed.ada, 'in_progress')).toEqual(['Ada builds']);
    expect(cellTitles(seed.grace, 'in_progress')).toEqual(['Pair work']);
    expect(cellTitles('unassigned', 'todo')).toEqual(['Loose end']);
    // Each cell is a drop target named by its column.
    expect(screen.getByTestId(`lane-cell-${seed.grace}-done`).dataset.columnId).toBe('done');
    // The column heads show once, with every card's count.
    expect(screen.getByTestId('column-count-in_progress').textContent).toBe('2');

    await user.click(toggle);
    expect(screen.queryByTestId('swimlanes')).toBeNull();
    expect(screen.getByTestId('column-todo')).toBeTruthy();
  });

  it('moves a card between columns inside its lane with the keyboard', async () => {
    const { backend, user, seed } = laneBoard();
    await findCard('Ada plans');
    await user.click(screen.getByTestId('lanes-toggle'));
    const card = within(screen.getByTestId(`lane-cell-${seed.ada}-todo`)).getByTestId('task-card');
    card.focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    await waitFor(() => expect(cellTitles(seed.ada, 'in_progress')).toEqual(['Ada builds', 'Ada plans']));
    expect(backend.callsOf('task_move')[0]).toMatchObject({ column: 'in_progress', beforeTaskId: null });
    // Reordering stays among the lane's own cards.
    await waitFor(() => expect((document.activeElement as HTMLElement).dataset.taskId).toBe(card.dataset.taskId));
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    await waitFor(() => expect(cellTitles(seed.ada, 'in_progress')).toEqual(['Ada plans', 'Ada builds']));
    expect(cellTitles(seed.grace, 'in_progress')).toEqual(['Pair work']);
  });

  it('keeps the filter inside the lanes', async () => {
    const { user, seed } = laneBoard();
    await findCard('Ada plans');
    await user.click(screen.getByTestId('lanes-toggle'));
    await user.selectOptions(screen.getByTestId('filter-assignee'), seed.ada);
    // Anyone among the assignees matches; the card stays in its first assignee's lane.
    await waitFor(() => expect(lanes().map(laneName)).toEqual(['Ada Lovelace (2)', 'Grace Hopper (1)', 'Unassigned (0)']));
    expect(cellTitles(seed.grace, 'in_progress')).toEqual(['Pair work']);
  });
});

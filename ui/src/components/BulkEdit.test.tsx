import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { cardTitles, findCard, renderApp, seedTeam } from '../test/renderApp';

function seedFive() {
  const ids: string[] = [];
  let boardId = '';
  const rendered = renderApp((b) => {
    boardId = seedTeam(b).boardId;
    for (const title of ['A', 'B', 'C', 'D', 'E']) ids.push(b.insertTask(boardId, { title }).id);
  });
  return { ...rendered, ids, boardId: () => boardId };
}

describe('bulk edits', () => {
  it('selects a range with Shift-click, moves it, and undoes the move from the toast', async () => {
    const { backend, user, ids, boardId } = seedFive();
    await findCard('A');
    await user.click(screen.getByTestId(`card-select-${ids[1]}`));
    await user.keyboard('{Shift>}');
    await user.click(screen.getByTestId(`card-select-${ids[3]}`));
    await user.keyboard('{/Shift}');
    const bar = screen.getByTestId('bulk-bar');
    expect(within(bar).getByTestId('bulk-count').textContent).toBe('3 selected');

    await user.selectOptions(within(bar).getByTestId('bulk-move'), 'done');
    await waitFor(() => expect(cardTitles('done')).toEqual(['B', 'C', 'D']));
    expect(backend.callsOf('bulk_edit')).toEqual([
      { boardId: boardId(), taskIds: [ids[1], ids[2], ids[3]], action: { kind: 'move', column: 'done', force: false } },
    ]);
    const toast = await screen.findByText('Moved 3 tasks');
    expect(screen.queryByTestId('bulk-bar')).toBeNull();

    await user.click(within(toast.closest('[data-testid="info-toast"]') as HTMLElement).getByTestId('toast-action'));
    await waitFor(() => expect(cardTitles('todo')).toEqual(['A', 'B', 'C', 'D', 'E']));
    expect(backend.callsOf('bulk_undo')).toHaveLength(1);
    expect(await screen.findByText('Put back 3 tasks')).toBeTruthy();
  });

  it('asks before moving blocked tasks to Done, then retries with force', async () => {
    const { backend, user } = renderApp((b) => {
      const { boardId } = seedTeam(b);
      const dep = b.insertTask(boardId, { title: 'Dependency' });
      b.insertTask(boardId, { title: 'Blocked', dependsOn: [dep.id] });
    });
    const card = await findCard('Blocked');
    await user.click(screen.getByTestId(`card-select-${card.dataset.taskId}`));
    await user.selectOptions(screen.getByTestId('bulk-move'), 'done');
    await user.click(await screen.findByRole('button', { name: 'Move anyway' }));
    await waitFor(() => expect(cardTitles('done')).toEqual(['Blocked']));
    expect(backend.callsOf('bulk_edit').map((c) => (c.action as { force: boolean }).force)).toEqual([false, true]);
  });

  it('deletes after confirming, and Escape clears a selection', async () => {
    const { backend, user, ids } = seedFive();
    await findCard('A');
    await user.click(screen.getByTestId(`card-select-${ids[0]}`));
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('bulk-bar')).toBeNull();

    await user.click(screen.getByTestId(`card-select-${ids[4]}`));
    await user.click(screen.getByTestId('bulk-delete'));
    await user.click(within(await screen.findByTestId('confirm-dialog')).getByTestId('confirm-ok'));
    await waitFor(() => expect(cardTitles('todo')).toEqual(['A', 'B', 'C', 'D']));
    expect(backend.callsOf('bulk_edit')[0].action).toEqual({ kind: 'delete' });
  });
});

import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { cardTitles, findCard, renderApp, seedTeam } from '../test/renderApp';

const CSV = ['title,status', 'Write docs,todo', ',todo', 'Ship it,done', 'Odd one,someday'].join('\n');

describe('board files', () => {
  it('previews a CSV import with its problems, and imports the readable rows only when asked', async () => {
    let boardId = '';
    const { backend, user } = renderApp((b) => {
      boardId = seedTeam(b).boardId;
      b.insertTask(boardId, { title: 'Existing' });
      b.boardTools.files.set('/home/me/tasks.csv', CSV);
      b.boardTools.nextPick = '/home/me/tasks.csv';
    });
    await findCard('Existing');
    await user.click(screen.getByTestId('board-menu'));
    await user.click(screen.getByTestId('board-import'));

    const sheet = await screen.findByTestId('import-sheet');
    expect((await within(sheet).findByTestId('import-tasks')).textContent).toBe('Write docsShip it');
    const problems = within(sheet).getAllByTestId('import-problem').map((row) => row.textContent);
    expect(problems).toEqual(['3the title is empty', '5unknown status `someday`']);
    expect(backend.callsOf('board_import')).toEqual([{ boardId, path: '/home/me/tasks.csv', preview: true, acceptPartial: false }]);

    const confirm = within(sheet).getByTestId('import-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    const partial = within(sheet).getByTestId('import-accept-partial');
    expect(partial.closest('label')?.textContent).toMatch('Skip the 2 rows that cannot be read');
    await user.click(partial);
    expect(confirm.disabled).toBe(false);
    await user.click(confirm);

    await waitFor(() => expect(screen.queryByTestId('import-sheet')).toBeNull());
    expect(backend.callsOf('board_import')[1]).toEqual({ boardId, path: '/home/me/tasks.csv', preview: false, acceptPartial: true });
    await waitFor(() => expect(cardTitles('todo')).toEqual(['Existing', 'Write docs']));
    expect(cardTitles('done')).toEqual(['Ship it']);
    expect(await screen.findByText('Imported 2 tasks into Tasks')).toBeTruthy();
  });

  it('does nothing when the file picker is cancelled, and cancels a preview without writing', async () => {
    const { backend, user } = renderApp((b) => {
      const { boardId } = seedTeam(b);
      b.insertTask(boardId, { title: 'Existing' });
      b.boardTools.files.set('/x.csv', 'title\nOne');
    });
    await findCard('Existing');
    await user.click(screen.getByTestId('board-menu'));
    await user.click(screen.getByTestId('board-import'));
    expect(backend.callsOf('board_import_pick')).toHaveLength(1);
    expect(backend.callsOf('board_import')).toEqual([]);
    expect(screen.queryByTestId('import-sheet')).toBeNull();

    backend.boardTools.nextPick = '/x.csv';
    await user.click(screen.getByTestId('board-menu'));
    await user.click(screen.getByTestId('board-import'));
    const sheet = await screen.findByTestId('import-sheet');
    await within(sheet).findByTestId('import-tasks');
    expect((within(sheet).getByTestId('import-confirm') as HTMLButtonElement).disabled).toBe(false);
    await user.click(within(sheet).getByTestId('import-cancel'));
    expect(screen.queryByTestId('import-sheet')).toBeNull();
    expect(backend.callsOf('board_import')).toHaveLength(1);
    expect(cardTitles('todo')).toEqual(['Existing']);
  });

  it('exports the board and says where the file went, or nothing when cancelled', async () => {
    let boardId = '';
    const { backend, user } = renderApp((b) => {
      boardId = seedTeam(b).boardId;
      b.insertTask(boardId, { title: 'Existing' });
      b.boardTools.saveAnswer = '/home/me/board.csv';
    });
    await findCard('Existing');
    await user.click(screen.getByTestId('board-menu'));
    await user.click(screen.getByTestId('board-export-csv'));
    expect(await screen.findByText('Saved to /home/me/board.csv')).toBeTruthy();

    backend.boardTools.saveAnswer = null;
    await user.click(screen.getByTestId('board-menu'));
    await user.click(screen.getByTestId('board-export-json'));
    await waitFor(() => expect(backend.callsOf('board_export')).toEqual([
      { boardId, format: 'csv' },
      { boardId, format: 'json' },
    ]));
    expect(screen.getAllByTestId('info-toast')).toHaveLength(1);
  });

  it('exports a timesheet of this week from the People page', async () => {
    let teamId = '';
    const { backend, user } = renderApp((b) => {
      teamId = seedTeam(b).teamId;
      b.boardTools.saveAnswer = '/home/me/timesheet.csv';
    });
    await user.click(await screen.findByTestId('nav-people'));
    await user.click(await screen.findByTestId('timesheet-export'));
    expect(await screen.findByText('Timesheet saved to /home/me/timesheet.csv')).toBeTruthy();
    const [call] = backend.callsOf('timesheet_export');
    expect(call.teamId).toBe(teamId);
    const from = call.from as number;
    const to = call.to as number;
    expect(new Date(from).getDay()).toBe(1);
    expect(new Date(to).getDay()).toBe(1);
    expect(from).toBeLessThanOrEqual(Date.now());
    expect(to).toBeGreaterThan(Date.now());
  });
});

import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, seedTeam, type Seeded } from '../test/renderApp';

describe('SearchBox', () => {
  it('searches the current team and highlights the matched words', async () => {
    let design: Seeded = { teamId: '', boardId: '' };
    const { backend, user } = renderApp((b) => {
      design = seedTeam(b, 'Design');
      b.insertTask(design.boardId, { title: 'Offline sync', description: 'Make sync survive a long offline period' });
    });
    await screen.findByTestId('column-todo');
    await user.type(screen.getByTestId('search-input'), 'sync');

    const [hit] = await screen.findAllByTestId('search-result');
    const marks = Array.from(hit.querySelectorAll('mark')).map((m) => m.textContent);
    expect(marks).toEqual(['sync']);
    expect(hit.textContent).toContain('Make sync survive a long offline period');
    expect(hit.textContent).not.toMatch(/[\u0002\u0003]/);
    expect(backend.callsOf('task_search').slice(-1)[0]).toEqual({ query: 'sync', teamId: design.teamId });
  });

  it('debounces typing into one search', async () => {
    const { backend, user } = renderApp((b) => {
      const { boardId } = seedTeam(b);
      b.insertTask(boardId, { title: 'Backup' });
    });
    await screen.findByTestId('column-todo');
    await user.type(screen.getByTestId('search-input'), 'backup');
    await screen.findAllByTestId('search-result');
    expect(backend.callsOf('task_search')).toHaveLength(1);
  });

  it('says when nothing matches', async () => {
    const { user } = renderApp((b) => {
      seedTeam(b);
    });
    await screen.findByTestId('column-todo');
    await user.type(screen.getByTestId('search-input'), 'zebra');
    expect(await screen.findByText(/No tasks match/)).toBeTruthy();
  });

  it('opens the board and the task of the chosen hit', async () => {
    const { user } = renderApp((b) => {
      const first = seedTeam(b);
      b.insertTask(first.boardId, { title: 'On the first board' });
      const roadmap = b.addBoard(first.teamId, 'Roadmap');
      b.insertTask(roadmap, { title: 'Quarterly roadmap', description: 'roadmap for Q3' });
    });
    await screen.findByText('On the first board');
    await user.type(screen.getByTestId('search-input'), 'quarterly');
    await user.click(await screen.findByTestId('search-result'));

    await waitFor(() => expect(screen.getByTestId('board-title').textContent).toBe('Roadmap'));
    const panel = await screen.findByTestId('task-panel');
    await waitFor(() =>
      expect((within(panel).getByTestId('task-title-input') as HTMLTextAreaElement).value).toBe('Quarterly roadmap'),
    );
    expect((screen.getByTestId('search-input') as HTMLInputElement).value).toBe('');
  });

  it('chooses a hit with the arrow keys and Enter', async () => {
    const { user } = renderApp((b) => {
      const { boardId } = seedTeam(b);
      b.insertTask(boardId, { title: 'Alpha report' });
      b.insertTask(boardId, { title: 'Beta report' });
    });
    await screen.findByText('Alpha report');
    await user.type(screen.getByTestId('search-input'), 'report');
    await screen.findAllByTestId('search-result');
    await user.keyboard('{ArrowDown}{Enter}');
    const panel = await screen.findByTestId('task-panel');
    await waitFor(() =>
      expect((within(panel).getByTestId('task-title-input') as HTMLTextAreaElement).value).toBe('Beta report'),
    );
  });

  it('focuses with "/" when not typing', async () => {
    const { user } = renderApp((b) => {
      seedTeam(b);
    });
    await screen.findByTestId('column-todo');
    await user.keyboard('/');
    expect(document.activeElement).toBe(screen.getByTestId('search-input'));
    expect((screen.getByTestId('search-input') as HTMLInputElement).value).toBe('');
  });
});

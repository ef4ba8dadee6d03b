import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { cardTitles, emitDocChanged, renderApp, seedTeam } from './test/renderApp';

describe('App', () => {
  it('welcomes a first-time user and creates their first team with its board', async () => {
    const { backend, user } = renderApp();

    const card = await screen.findByTestId('welcome-card');
    await user.type(within(card).getByTestId('team-name-input'), 'Design');
    await user.click(within(card).getByTestId('team-create-submit'));

    expect(backend.callsOf('team_create')).toEqual([{ name: 'Design' }]);
    const team = await screen.findByTestId('team-item');
    expect(team.textContent).toBe('Design');
    expect(screen.getByTestId('board-item').textContent).toBe('Tasks');
    expect(screen.getByTestId('board-title').textContent).toBe('Tasks');
    expect(await screen.findByTestId('column-todo')).toBeTruthy();
    expect(screen.queryByTestId('welcome-card')).toBeNull();
  });

  it('creates a team from the welcome card with Enter', async () => {
    const { backend, user } = renderApp();
    const input = await screen.findByTestId('team-name-input');
    await user.type(input, 'Home{Enter}');
    await screen.findByTestId('column-todo');
    expect(backend.callsOf('team_create')).toEqual([{ name: 'Home' }]);
  });

  it('shows the backend error when a team name is empty', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByTestId('team-create-submit'));
    const toast = await screen.findByTestId('error-toast');
    expect(toast.getAttribute('data-code')).toBe('empty');
    expect(toast.getAttribute('role')).toBe('alert');
    expect(screen.getByTestId('welcome-card')).toBeTruthy();
  });

  it('opens on the first team and its first board', async () => {
    const { backend } = renderApp((b) => {
      const zeta = seedTeam(b, 'Zeta');
      const alpha = seedTeam(b, 'Alpha');
      b.insertTask(alpha.boardId, { title: 'Alpha task' });
      b.insertTask(zeta.boardId, { title: 'Zeta task' });
    });

    await waitFor(() => expect(cardTitles('todo')).toEqual(['Alpha task']));
    expect(screen.getAllByTestId('team-item').map((t) => t.textContent)).toEqual(['Alpha', 'Zeta']);
    expect(backend.callsOf('task_list')).toHaveLength(1);
  });

  it('creates a board in the selected team and switches to it', async () => {
    const { backend, user } = renderApp((b) => {
      seedTeam(b, 'Design');
    });
    await user.click(await screen.findByTestId('new-board-button'));
    await user.type(screen.getByTestId('board-name-input'), 'Roadmap{Enter}');

    await waitFor(() => expect(screen.getByTestId('board-title').textContent).toBe('Roadmap'));
    expect(screen.getAllByTestId('board-item').map((b) => b.textContent)).toEqual(['Tasks', 'Roadmap']);
    expect(backend.callsOf('board_create')).toEqual([{ teamId: expect.any(String), name: 'Roadmap' }]);
  });

  it('creates another team from the sidebar and selects it', async () => {
    const { user } = renderApp((b) => {
      seedTeam(b, 'Design');
    });
    await user.click(await screen.findByTestId('new-team-button'));
    await user.type(screen.getByTestId('team-name-input'), 'Platform');
    await user.click(screen.getByTestId('team-create-submit'));

    await waitFor(() =>
      expect(screen.getAllByTestId('team-item').map((t) => t.textContent)).toEqual(['Design', 'Platform']),
    );
    expect(screen.queryByTestId('team-name-input')).toBeNull();
    const platform = screen.getAllByTestId('team-item')[1];
    expect(platform.className).toContain('is-selected');
  });

  it('says the work is local only, with an explanation', async () => {
    renderApp();
    const badge = await screen.findByTestId('sync-badge');
    expect(badge.textContent).toBe('Local only');
    const tooltip = document.getElementById(badge.getAttribute('aria-describedby') ?? '');
    expect(tooltip?.textContent).toMatch(/this device/);
  });

  it('signs up to a relay from the badge and then shows Synced', async () => {
    const { backend, user } = renderApp();
    await user.click(await screen.findByTestId('sync-badge'));
    await user.click(screen.getByTestId('account-mode-sign-up'));
    await user.type(screen.getByTestId('account-email'), 'ada@example.test');
    await user.type(screen.getByTestId('account-password'), 'long enough');
    await user.click(screen.getByTestId('account-submit'));
    await waitFor(() => expect(screen.getByTestId('sync-badge').textContent).toContain('Synced'));
    expect(backend.callsOf('account_sign_up')).toEqual([
      { relayUrl: 'http://127.0.0.1:7420', email: 'ada@example.test', password: 'long enough' },
    ]);
    expect(screen.getByTestId('account-email-shown').textContent).toBe('ada@example.test');
  });

  it('says why a sign-in failed, in the form', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByTestId('sync-badge'));
    await user.type(screen.getByTestId('account-email'), 'nobody@example.test');
    await user.type(screen.getByTestId('account-password'), 'whatever123');
    await user.click(screen.getByTestId('account-submit'));
    const error = await screen.findByTestId('account-error');
    expect(error.getAttribute('data-code')).toBe('wrong_credentials');
    expect(screen.getByTestId('sync-badge').textContent).toBe('Local only');
  });

  it('shows the current user at the bottom of the sidebar', async () => {
    renderApp(undefined, { userName: 'Ada Lovelace' });
    await waitFor(() => expect(screen.getByTestId('current-user').textContent).toBe('Ada Lovelace'));
  });

  it('refreshes the board when another writer changes it', async () => {
    let seeded = { teamId: '', boardId: '' };
    const { backend } = renderApp((b) => {
      seeded = seedTeam(b);
    });
    await screen.findByTestId('column-todo');
    await waitFor(() => expect(backend.callsOf('task_list')).toHaveLength(1));

    backend.insertTask(seeded.boardId, { title: 'Written elsewhere' });
    // A burst of writes is read back once.
    await emitDocChanged({ docId: seeded.boardId, kind: 'board', teamId: seeded.teamId });
    await emitDocChanged({ docId: seeded.boardId, kind: 'board', teamId: seeded.teamId });
    await emitDocChanged({ docId: seeded.boardId, kind: 'board', teamId: seeded.teamId });

    await waitFor(() => expect(cardTitles('todo')).toEqual(['Written elsewhere']));
    expect(backend.callsOf('task_list')).toHaveLength(2);
    expect(screen.getByTestId('board-item').parentElement?.textContent).toContain('1');
  });

  it('renders the demo workspace used by `vite dev`', async () => {
    renderApp(undefined, { seed: true });
    await waitFor(() => expect(cardTitles('in_progress')).toEqual(['Write the sync protocol spec']));
    expect(screen.getAllByTestId('team-item').map((t) => t.textContent)).toEqual(['Design', 'Platform']);
    expect(cardTitles('todo')).toHaveLength(3);
    expect(screen.getAllByTestId('task-card-blocked')).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { findCard, renderApp, seedTeam, type Seeded } from '../test/renderApp';
import type { FakeBackend } from '../dev/fakeBackend';
import { toLocalInput } from '../lib/durations';

async function openPanel(title: string, setup: (backend: FakeBackend, seeded: Seeded) => void = () => {}) {
  let seeded: Seeded = { teamId: '', boardId: '' };
  const rendered = renderApp((backend) => {
    seeded = seedTeam(backend);
    backend.insertTask(seeded.boardId, { title });
    setup(backend, seeded);
  });
  await rendered.user.click(await findCard(title));
  const panel = await screen.findByTestId('task-panel');
  return { ...rendered, seeded, panel };
}

describe('time tracking', () => {
  it('starts a timer from the task panel, shows it in the top bar, and stops it there', async () => {
    const { backend, user, panel, seeded } = await openPanel('Write the spec');
    await user.click(await within(panel).findByTestId('timer-start'));

    expect((await within(panel).findByTestId('timer-stop')).textContent).toMatch(/0:00:0\d/);
    const indicator = await screen.findByTestId('running-timer');
    expect(indicator.textContent).toMatch('Write the spec');
    expect(backend.callsOf('timer_start')).toEqual([{ boardId: seeded.boardId, taskId: expect.any(String) }]);

    await user.click(within(indicator).getByTestId('running-timer-stop'));
    await waitFor(() => expect(screen.queryByTestId('running-timer')).toBeNull());
    expect(backend.callsOf('timer_stop')).toHaveLength(1);
    expect(await within(panel).findByTestId('timer-start')).toBeTruthy();
    // The finished entry is listed under the task.
    expect(await within(panel).findAllByTestId('time-entry')).toHaveLength(1);
  });

  it('shows a timer that was running before the app started, and opens its task', async () => {
    const { backend, user } = renderApp((b) => {
      const { boardId } = seedTeam(b);
      b.insertTask(boardId, { title: 'Other task' });
      const task = b.insertTask(boardId, { title: 'Left running' });
      b.boardTools.addEntry({ boardId, taskId: task.id, userId: b.me, startedAt: Date.now() - 65 * 60_000, endedAt: null });
    });
    const indicator = await screen.findByTestId('running-timer');
    expect(indicator.textContent).toMatch('Left running');
    expect(within(indicator).getByTestId('running-timer-elapsed').textContent).toMatch(/^1:05:\d\d$/);
    expect(backend.callsOf('timer_running').length).toBeGreaterThan(0);

    await user.click(within(indicator).getByTestId('running-timer-task'));
    const panel = await screen.findByTestId('task-panel');
    await waitFor(() => expect((within(panel).getByTestId('task-title-input') as HTMLTextAreaElement).value).toBe('Left running'));
    expect(within(panel).getByTestId('timer-stop')).toBeTruthy();
  });

  it('follows the core when a timer starts on another task', async () => {
    const { user, panel } = await openPanel('Second', (b, { boardId }) => {
      const first = b.insertTask(boardId, { title: 'First' });
      b.boardTools.addEntry({ boardId, taskId: first.id, userId: b.me, startedAt: Date.now() - 60_000, endedAt: null });
    });
    expect((await screen.findByTestId('running-timer')).textContent).toMatch('First');
    await user.click(within(panel).getByTestId('timer-start'));
    await waitFor(() => expect(screen.getByTestId('running-timer').textContent).toMatch('Second'));
    expect(screen.getAllByTestId('running-timer')).toHaveLength(1);
  });

  it('adds time by hand, shows the core’s invalid_input inline, and deletes my entry', async () => {
    const { backend, user, panel } = await openPanel('Hand entry');
    await user.click(within(panel).getByTestId('time-add-open'));
    const form = within(panel).getByTestId('time-add-form');
    const start = Date.now() - 2 * 3_600_000;
    fireEvent.change(within(form).getByTestId('time-add-start'), { target: { value: toLocalInput(start) } });
    fireEvent.change(within(form).getByTestId('time-add-end'), { target: { value: toLocalInput(start - 3_600_000) } });
    await user.click(within(form).getByTestId('time-add-submit'));
    expect((await within(form).findByTestId('time-add-error')).textContent).toMatch(/end after/);
    expect(screen.queryByTestId('error-toast')).toBeNull();

    fireEvent.change(within(form).getByTestId('time-add-end'), { target: { value: toLocalInput(start + 90 * 60_000) } });
    await user.type(within(form).getByTestId('time-add-note'), 'Pairing');
    await user.click(within(form).getByTestId('time-add-submit'));
    const entry = await within(panel).findByTestId('time-entry');
    expect(entry.textContent).toMatch('1h 30m');
    expect(entry.textContent).toMatch('Pairing');
    expect(backend.callsOf('time_entry_add').slice(-1)[0]).toMatchObject({ note: 'Pairing' });

    await user.click(within(entry).getByTestId('time-entry-delete'));
    await user.click(await screen.findByRole('button', { name: 'Delete entry' }));
    await waitFor(() => expect(within(panel).queryByTestId('time-entry')).toBeNull());
    expect(backend.callsOf('time_entry_delete')).toHaveLength(1);
  });
});

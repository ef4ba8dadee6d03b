import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { emit } from '@tauri-apps/api/event';
import { App } from '../App';
import type { DocChangedPayload, Status } from '../api';
import { installFakeBackend, type FakeBackend, type FakeBackendOptions } from '../dev/fakeBackend';

export interface Seeded {
  teamId: string;
  boardId: string;
}

/** One team with its first board, optionally holding some tasks. */
export function seedTeam(backend: FakeBackend, name = 'Design'): Seeded {
  const team = backend.createTeam(name);
  return { teamId: team.id, boardId: team.boardIds[0] };
}

/** Renders the whole app against a fresh fake core. */
export function renderApp(prepare?: (backend: FakeBackend) => void, options: FakeBackendOptions = {}) {
  const backend = installFakeBackend(options);
  prepare?.(backend);
  const user = userEvent.setup();
  const view = render(<App />);
  return { backend, user, ...view };
}

export function column(status: Status): HTMLElement {
  return screen.getByTestId(`column-${status}`);
}

export function cardTitles(status: Status): string[] {
  return within(column(status))
    .queryAllByTestId('task-card-title')
    .map((el) => el.textContent ?? '');
}

export async function findCard(title: string): Promise<HTMLElement> {
  const titleEl = await screen.findByText(title, { selector: '[data-testid="task-card-title"]' });
  const card = titleEl.closest<HTMLElement>('[data-testid="task-card"]');
  if (!card) throw new Error(`no card around "${title}"`);
  return card;
}

export function emitDocChanged(payload: DocChangedPayload): Promise<void> {
  return emit('doc-changed', payload);
}

import { expect } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import type { FakeBackend, FakeBackendOptions } from '../dev/fakeBackend';
import { renderApp, seedTeam } from './renderApp';

export interface ChatSeed {
  teamId: string;
  boardId: string;
  ada: string;
  grace: string;
  general: string;
}

/** A team with Ada and Grace and a #general channel; `setup` adds the rest. */
export function renderChat(
  setup: (backend: FakeBackend, seed: ChatSeed) => void = () => {},
  options: FakeBackendOptions = {},
) {
  let seed: ChatSeed = { teamId: '', boardId: '', ada: '', grace: '', general: '' };
  const rendered = renderApp((backend) => {
    const { teamId, boardId } = seedTeam(backend, 'Design');
    const ada = backend.addMember(teamId, 'Ada Lovelace', 'manager');
    const grace = backend.addMember(teamId, 'Grace Hopper');
    // New teams come with #general.
    const general = backend.chat.channelNamed(teamId, 'general')?.id ?? '';
    seed = { teamId, boardId, ada, grace, general };
    setup(backend, seed);
  }, options);
  return { ...rendered, seed };
}

/** Clicks a conversation in the sidebar and waits for its messages to load. */
export async function openConversation(user: ReturnType<typeof renderApp>['user'], conversationId: string) {
  await user.click(await screen.findByTestId(`conversation-${conversationId}`));
  const view = await screen.findByTestId('chat-view');
  await waitFor(() => expect(view.dataset.conversationId).toBe(conversationId));
  await waitFor(() => expect(screen.getByTestId('chat-message-list').getAttribute('aria-busy')).toBe('false'));
  return view;
}

export function composer(testId = 'chat-composer'): HTMLTextAreaElement {
  return screen.getByTestId(testId) as HTMLTextAreaElement;
}

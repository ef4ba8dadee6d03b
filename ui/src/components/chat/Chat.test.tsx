import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { emit } from '@tauri-apps/api/event';
import { composer, openConversation, renderChat } from '../../test/chat';
import { emitDocChanged, renderApp } from '../../test/renderApp';

describe('Chat sidebar', () => {
  it('lists channels and direct messages with unread and mention badges and presence', async () => {
    let dm = '';
    let quiet = '';
    renderChat((b, { teamId, ada, general }) => {
      b.chat.addMessage(general, ada, 'Morning!');
      b.chat.addMessage(general, ada, '@Alex Rivera can you look?');
      quiet = b.chat.addChannel(teamId, 'announcements').id;
      dm = b.chat.addDirect(teamId, [ada]).id;
      b.chat.addMessage(dm, ada, 'Got a minute?');
      b.chat.setPresence(ada, 'online');
    });

    const channels = await screen.findByRole('list', { name: 'Channels' });
    await waitFor(() =>
      expect(within(channels).getAllByTestId('conversation-name').map((n) => n.textContent)).toEqual([
        'announcements',
        'general',
      ]),
    );
    const item = within(channels).getAllByRole('button')[1];
    expect(item.className).toContain('is-unread');
    expect(within(item).getByTestId('unread-badge').textContent).toBe('2');
    expect(within(item).getByTestId('mention-badge').textContent).toBe('@1');

    const quietItem = screen.getByTestId(`conversation-${quiet}`);
    expect(quietItem.className).not.toContain('is-unread');
    expect(within(quietItem).queryByTestId('unread-badge')).toBeNull();

    const direct = screen.getByTestId(`conversation-${dm}`);
    expect(within(direct).getByTestId('conversation-name').textContent).toBe('Ada Lovelace');
    expect(within(direct).getByTestId('unread-badge').textContent).toBe('1');
    await waitFor(() => expect(within(direct).getByTestId('presence-dot').dataset.state).toBe('online'));
  });

  it('creates a private channel with picked members and opens it', async () => {
    const { backend, user, seed } = renderChat();
    await user.click(await screen.findByTestId('new-channel-button'));
    await user.type(screen.getByTestId('channel-name-input'), 'design-crit');
    await user.click(screen.getByTestId('channel-private-checkbox'));
    await user.click(screen.getByRole('checkbox', { name: 'Grace Hopper' }));
    await user.click(screen.getByTestId('channel-create-submit'));

    expect(backend.callsOf('channel_create')).toEqual([
      { teamId: seed.teamId, name: 'design-crit', private: true, members: [seed.grace] },
    ]);
    await waitFor(() => expect(screen.getByTestId('chat-title').textContent).toBe('design-crit'));
    expect(screen.getByTestId('chat-member-count').textContent).toBe('2 members');
    expect(screen.queryByTestId('channel-name-input')).toBeNull();
  });

  it('shows the coded error when a channel name is empty, and keeps the form', async () => {
    const { user } = renderChat();
    await user.click(await screen.findByTestId('new-channel-button'));
    await user.click(screen.getByTestId('channel-create-submit'));
    const toast = await screen.findByTestId('error-toast');
    expect(toast.getAttribute('data-code')).toBe('empty');
    expect(screen.getByTestId('channel-name-input')).toBeTruthy();
  });

  it('opens a direct message with the picked people', async () => {
    const { backend, user, seed } = renderChat();
    await user.click(await screen.findByTestId('new-direct-button'));
    await user.click(screen.getByRole('checkbox', { name: 'Ada Lovelace' }));
    await user.click(screen.getByTestId('direct-open-submit'));
    expect(backend.callsOf('direct_open')).toEqual([{ teamId: seed.teamId, members: [seed.ada] }]);
    await waitFor(() => expect(screen.getByTestId('chat-title').textContent).toBe('Ada Lovelace'));
  });

  it('lists #general for a team made here', async () => {
    const { user } = renderApp();
    await user.type(await screen.findByTestId('team-name-input'), 'Home{Enter}');
    const channels = await screen.findByRole('list', { name: 'Channels' });
    await waitFor(() => expect(within(channels).getAllByTestId('conversation-name').map((n) => n.textContent)).toEqual(['general']));
  });

  it('goes back to the board from a conversation', async () => {
    const { user, seed } = renderChat();
    await openConversation(user, seed.general);
    expect(screen.queryByTestId('column-todo')).toBeNull();
    await user.click(screen.getByTestId('board-item'));
    expect(await screen.findByTestId('column-todo')).toBeTruthy();
    expect(screen.queryByTestId('chat-view')).toBeNull();
  });
});

describe('ChatView', () => {
  it('shows messages with author, day separators, the unread divider and marks the conversation read', async () => {
    let first = '';
    const { backend, user, seed } = renderChat((b, { ada, grace, general }) => {
      const noon = new Date();
      noon.setDate(noon.getDate() - 1);
      noon.setHours(12, 0, 0, 0);
      const yesterday = noon.getTime();
      b.chat.addMessage(general, b.me, 'Old one', { createdAt: yesterday });
      first = b.chat.addMessage(general, ada, 'New one').id;
      b.chat.addMessage(general, grace, 'Another');
    });
    await openConversation(user, seed.general);

    const row = screen.getByTestId(`message-${first}`);
    expect(within(row).getByTestId('msg-author').textContent).toBe('Ada Lovelace');
    expect(within(row).getByTestId('message-body').textContent).toBe('New one');
    expect(screen.getAllByTestId('day-separator').map((d) => d.textContent)).toEqual(['Yesterday', 'Today']);
    const divider = screen.getByTestId('unread-divider');
    // The divider sits right before the first unread message.
    expect(divider.closest('[data-row-key]')?.nextElementSibling?.getAttribute('data-row-key')).toBe(first);

    await waitFor(() => expect(backend.callsOf('conversation_mark_read')).toEqual([{ conversationId: seed.general }]));
    await waitFor(() =>
      expect(within(screen.getByTestId(`conversation-${seed.general}`)).queryByTestId('unread-badge')).toBeNull(),
    );
  });

  it('sends with Enter, clears the composer, and keeps Shift+Enter for new lines', async () => {
    const { backend, user, seed } = renderChat();
    await openConversation(user, seed.general);
    const input = composer();
    expect(document.activeElement).toBe(input);
    await user.type(input, 'Hello{Shift>}{Enter}{/Shift}team');
    expect(input.value).toBe('Hello\nteam');
    expect(backend.callsOf('message_send')).toEqual([]);
    await user.keyboard('{Enter}');

    await waitFor(() =>
      expect(backend.callsOf('message_send')).toEqual([
        { conversationId: seed.general, body: 'Hello\nteam', replyTo: null, attachments: [] },
      ]),
    );
    await waitFor(() => expect(input.value).toBe(''));
    const bodies = screen.getAllByTestId('message-body').map((b) => b.textContent);
    expect(bodies).toEqual(['Hello\nteam']);
    expect(backend.callsOf('typing_notify').length).toBeGreaterThan(0);
  });

  it('sends with the send button and ignores an empty composer', async () => {
    const { backend, user, seed } = renderChat();
    await openConversation(user, seed.general);
    await user.keyboard('{Enter}');
    expect(backend.callsOf('message_send')).toEqual([]);
    await user.type(composer(), 'Via button');
    await user.click(screen.getByTestId('chat-send'));
    await waitFor(() => expect(backend.callsOf('message_send')).toHaveLength(1));
    await waitFor(() => expect(composer().value).toBe(''));
  });

  it('completes @mentions from the team and highlights them in the message', async () => {
    const { backend, user, seed } = renderChat();
    await openConversation(user, seed.general);
    const input = composer();
    await user.type(input, 'Thanks @gr');
    const options = await screen.findAllByTestId('mention-option');
    const names = (list: HTMLElement[]) => list.map((o) => o.querySelector('.mention-menu__name')?.textContent);
    expect(names(options)).toEqual(['Grace Hopper']);
    await user.keyboard('{Enter}');
    expect(input.value).toBe('Thanks @Grace Hopper ');
    expect(screen.queryByTestId('mention-menu')).toBeNull();
    expect(backend.callsOf('message_send')).toEqual([]);

    // Arrow keys and Tab pick too, and @channel is offered.
    await user.type(input, 'and @');
    const all = await screen.findAllByTestId('mention-option');
    expect(names(all)).toEqual(['Ada Lovelace', 'Grace Hopper', 'channel']);
    await user.keyboard('{ArrowDown}{ArrowDown}{Tab}');
    expect(input.value).toBe('Thanks @Grace Hopper and @channel ');

    await user.keyboard('{Enter}');
    const sent = await screen.findAllByTestId('mention');
    expect(sent.map((m) => m.textContent)).toEqual(['@Grace Hopper', '@channel']);
    expect(sent[1].className).toContain('mention--me');
  });

  it('closes the mention list with Escape without losing the text', async () => {
    const { user, seed } = renderChat();
    await openConversation(user, seed.general);
    await user.type(composer(), '@ad');
    await screen.findByTestId('mention-menu');
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('mention-menu')).toBeNull();
    expect(composer().value).toBe('@ad');
  });

  it('shows a deleted message as a tombstone, and deletes my own after confirming', async () => {
    let gone = '';
    let mine = '';
    const { backend, user, seed } = renderChat((b, { ada, general }) => {
      gone = b.chat.addMessage(general, ada, 'secret', { deleted: true }).id;
      mine = b.chat.addMessage(general, b.me, 'Oops, wrong channel').id;
    });
    await openConversation(user, seed.general);
    const tomb = screen.getByTestId(`message-${gone}`);
    expect(within(tomb).getByTestId('message-body').textContent).toBe('This message was deleted');
    expect(tomb.textContent).not.toContain('secret');
    expect(within(tomb).queryByTestId('msg-delete')).toBeNull();

    await user.click(within(screen.getByTestId(`message-${mine}`)).getByTestId('msg-delete'));
    const dialog = await screen.findByTestId('confirm-dialog');
    expect(document.activeElement).toBe(within(dialog).getByTestId('confirm-cancel'));
    await user.click(within(dialog).getByTestId('confirm-ok'));
    await waitFor(() =>
      expect(within(screen.getByTestId(`message-${mine}`)).getByTestId('message-body').textContent).toBe(
        'This message was deleted',
      ),
    );
    expect(backend.callsOf('message_delete')).toEqual([{ conversationId: seed.general, messageId: mine }]);
  });

  it('toggles reactions from the chips and adds one from the picker', async () => {
    let id = '';
    const { backend, user, seed } = renderChat((b, { ada, general }) => {
      id = b.chat.addMessage(general, ada, 'Shipped!', { reactions: [{ emoji: '👍', users: [ada] }] }).id;
    });
    await openConversation(user, seed.general);
    const row = screen.getByTestId(`message-${id}`);
    const chip = within(row).getByTestId('reaction');
    expect(chip.getAttribute('aria-pressed')).toBe('false');
    expect(within(chip).getByTestId('reaction-count').textContent).toBe('1');

    await user.click(chip);
    await waitFor(() => expect(within(row).getByTestId('reaction').getAttribute('aria-pressed')).toBe('true'));
    expect(within(row).getByTestId('reaction-count').textContent).toBe('2');

    await user.click(within(row).getByTestId('reaction'));
    await waitFor(() => expect(within(row).getByTestId('reaction-count').textContent).toBe('1'));

    await user.click(within(row).getByTestId('reaction-picker-button'));
    await user.click(screen.getByRole('menuitem', { name: 'React with 🎉' }));
    await waitFor(() =>
      expect(within(row).getAllByTestId('reaction').map((r) => r.dataset.emoji)).toEqual(['👍', '🎉']),
    );
    expect(backend.callsOf('message_react').map((c) => c.emoji)).toEqual(['👍', '👍', '🎉']);
  });

  it('opens a thread and replies into it with replyTo', async () => {
    let root = '';
    const { backend, user, seed } = renderChat((b, { ada, general }) => {
      root = b.chat.addMessage(general, ada, 'Who takes the release notes?').id;
    });
    await openConversation(user, seed.general);
    await user.click(within(screen.getByTestId(`message-${root}`)).getByTestId('msg-reply'));
    const panel = await screen.findByTestId('thread-panel');
    await waitFor(() => expect(within(panel).getAllByTestId('message-body').map((b) => b.textContent)).toEqual(['Who takes the release notes?']));
    const input = within(panel).getByTestId('thread-composer');
    await waitFor(() => expect(document.activeElement).toBe(input));
    await user.type(input, 'I will{Enter}');

    await waitFor(() =>
      expect(backend.callsOf('message_send')).toEqual([
        { conversationId: seed.general, body: 'I will', replyTo: root, attachments: [] },
      ]),
    );
    await waitFor(() =>
      expect(within(panel).getAllByTestId('message-body').map((b) => b.textContent)).toEqual([
        'Who takes the release notes?',
        'I will',
      ]),
    );
    // The reply stays in the thread; the root says how many there are.
    await waitFor(() => expect(within(screen.getByTestId(`message-${root}`)).getByTestId('msg-replies').textContent).toBe('1 reply'));
    expect(screen.getAllByTestId(/^message-msg-/)).toHaveLength(1);
    expect(within(panel).getAllByTestId(/^thread-message-/)).toHaveLength(2);

    // Escape in the thread's empty composer closes the thread.
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('thread-panel')).toBeNull());
  });

  it('edits my message and shows the earlier version from (edited)', async () => {
    let id = '';
    const { backend, user, seed } = renderChat((b, { general }) => {
      id = b.chat.addMessage(general, b.me, 'Teh plan').id;
    });
    await openConversation(user, seed.general);
    const row = screen.getByTestId(`message-${id}`);
    await user.click(within(row).getByTestId('msg-edit'));
    const input = within(row).getByTestId('msg-edit-input') as HTMLTextAreaElement;
    await user.clear(input);
    await user.type(input, 'The plan{Enter}');
    await waitFor(() => expect(within(row).getByTestId('message-body').textContent).toBe('The plan'));
    expect(backend.callsOf('message_edit')).toEqual([{ conversationId: seed.general, messageId: id, body: 'The plan' }]);

    await user.click(within(row).getByTestId('msg-edited'));
    const history = await within(row).findByTestId('msg-history');
    await waitFor(() => expect(within(history).getAllByTestId('msg-history-item')[0].textContent).toContain('Teh plan'));
  });

  it('shows pending messages dimmed with a clock, and Seen by on my last message', async () => {
    let pending = '';
    let sent = '';
    const { backend, user, seed } = renderChat((b, { ada, grace, general }) => {
      sent = b.chat.addMessage(general, b.me, 'Delivered').id;
      pending = b.chat.addMessage(general, b.me, 'Still waiting', { pending: true }).id;
      const at = b.chat.get(general)?.messages.find((m) => m.id === sent)?.createdAt ?? 0;
      b.chat.markRead(general, ada, at);
      b.chat.markRead(general, grace, at);
    });
    await openConversation(user, seed.general);
    const waiting = screen.getByTestId(`message-${pending}`);
    expect(waiting.className).toContain('is-pending');
    expect(within(waiting).getByTestId('msg-pending')).toBeTruthy();
    const delivered = screen.getByTestId(`message-${sent}`);
    expect(within(delivered).queryByTestId('msg-pending')).toBeNull();
    await waitFor(() => expect(within(delivered).getByTestId('msg-seen-by').textContent).toBe('Seen by 2'));

    // A read receipt arrives: Seen by is read again.
    const three = backend.addMember(seed.teamId, 'Linus');
    backend.chat.markRead(seed.general, three, Date.now() + 1000);
    await act(async () => {
      await emit('live-signal', { kind: 'read', teamId: seed.teamId, conversationId: seed.general, userId: three });
    });
    await waitFor(() => expect(within(delivered).getByTestId('msg-seen-by').textContent).toBe('Seen by 3'));

    // Once the relay has it, the clock goes away without any document event, and
    // Seen by moves to it (nobody has read it yet).
    const stored = backend.chat.get(seed.general)?.messages.find((m) => m.id === pending);
    if (stored) stored.pending = false;
    await waitFor(() => expect(within(waiting).queryByTestId('msg-pending')).toBeNull(), { timeout: 6000 });
    expect(waiting.className).not.toContain('is-pending');
    expect(within(delivered).queryByTestId('msg-seen-by')).toBeNull();
  });

  it('says who is typing, refreshed by live-signal events', async () => {
    const { backend, user, seed } = renderChat((b, { ada, grace, general }) => {
      b.chat.setTyping(general, [ada, grace, b.me]);
    });
    await openConversation(user, seed.general);
    const line = screen.getByTestId('typing-indicator');
    await waitFor(() => expect(line.textContent).toBe('Ada Lovelace and Grace Hopper are typing…'));

    backend.chat.setTyping(seed.general, [seed.grace]);
    await act(async () => {
      await emit('live-signal', { kind: 'typing', teamId: seed.teamId, conversationId: seed.general, userId: seed.ada });
    });
    await waitFor(() => expect(line.textContent).toBe('Grace Hopper is typing…'));

    backend.chat.setTyping(seed.general, []);
    await act(async () => {
      await emit('live-signal', { kind: 'typing', teamId: seed.teamId, conversationId: seed.general, userId: seed.grace });
    });
    await waitFor(() => expect(line.textContent).toBe(''));
  });

  it('refreshes presence dots on live-signal presence events', async () => {
    let dm = '';
    const { backend, user, seed } = renderChat((b, { teamId, ada }) => {
      dm = b.chat.addDirect(teamId, [ada]).id;
    });
    const item = await screen.findByTestId(`conversation-${dm}`);
    await waitFor(() => expect(within(item).getByTestId('presence-dot').dataset.state).toBe('offline'));
    backend.chat.setPresence(seed.ada, 'idle');
    await act(async () => {
      await emit('live-signal', { kind: 'presence', teamId: seed.teamId, conversationId: null, userId: seed.ada });
    });
    await waitFor(() => expect(within(item).getByTestId('presence-dot').dataset.state).toBe('idle'));
    expect(user).toBeTruthy();
    // This window said it is online.
    expect(backend.callsOf('presence_set')[0]).toEqual({ state: 'online' });
  });

  it('shows a coded toast when an attachment is too large, and uploads and sends a small one', async () => {
    const { backend, user, seed } = renderChat((b) => {
      b.chat.fileSizes.set('/home/alex/video.mov', 40 * 1024 * 1024);
    });
    await openConversation(user, seed.general);
    backend.chat.pickResult = '/home/alex/video.mov';
    await user.click(screen.getByTestId('attach-file'));
    const toast = await screen.findByTestId('error-toast');
    expect(toast.getAttribute('data-code')).toBe('attachment_too_large');
    expect(screen.queryByTestId('composer-attachment')).toBeNull();

    backend.chat.pickResult = '/home/alex/notes.txt';
    await user.click(screen.getByTestId('attach-file'));
    const chip = await screen.findByTestId('composer-attachment');
    expect(chip.textContent).toContain('notes.txt');
    expect(backend.callsOf('attachment_upload').slice(-1)[0]).toEqual({ conversationId: seed.general, path: '/home/alex/notes.txt' });
    await user.click(screen.getByTestId('chat-send'));

    await waitFor(() => expect(backend.callsOf('message_send')).toHaveLength(1));
    expect(backend.callsOf('message_send')[0]).toMatchObject({ body: '', attachments: [{ name: 'notes.txt', mime: 'text/plain' }] });
    const attachment = await screen.findByTestId('attachment');
    expect(attachment.textContent).toContain('notes.txt');
    await user.click(within(attachment).getByTestId('attachment-download'));
    expect((await within(attachment).findByTestId('attachment-path')).textContent).toMatch(/^Saved to \/.*notes\.txt$/);
    expect(backend.callsOf('attachment_fetch')).toHaveLength(1);
  });

  it('does nothing when the file dialog is cancelled', async () => {
    const { backend, user, seed } = renderChat();
    await openConversation(user, seed.general);
    backend.chat.pickResult = null;
    await user.click(screen.getByTestId('attach-file'));
    await waitFor(() => expect(backend.callsOf('attachment_pick')).toHaveLength(1));
    expect(backend.callsOf('attachment_upload')).toEqual([]);
  });

  it('re-reads the open conversation when another writer adds a message', async () => {
    const { backend, user, seed } = renderChat();
    await openConversation(user, seed.general);
    const m = backend.chat.addMessage(seed.general, seed.ada, 'Written elsewhere');
    await emitDocChanged({ docId: seed.general, kind: 'channel', teamId: seed.teamId });
    expect(await screen.findByTestId(`message-${m.id}`)).toBeTruthy();
  });

  it('renders only a window of a long conversation and loads older messages at the top', async () => {
    let newest = '';
    const { backend, user, seed } = renderChat((b, { ada, general }) => {
      const start = Date.now() - 200 * 60_000;
      // Two pages: 30 … 79 first, then 0 … 29.
      for (let i = 0; i < 80; i += 1) {
        const m = b.chat.addMessage(general, i % 2 ? ada : b.me, `Message number ${i}`, { createdAt: start + i * 60_000 });
        newest = m.id;
      }
    });
    await openConversation(user, seed.general);
    const list = screen.getByTestId('chat-message-list');
    expect(screen.getByTestId(`message-${newest}`)).toBeTruthy();
    expect(Number(list.dataset.rendered)).toBeLessThan(60);
    expect(screen.queryByText('Message number 40')).toBeNull();
    expect(backend.callsOf('message_list')).toHaveLength(1);

    list.scrollTop = 0;
    fireEvent.scroll(list);
    await waitFor(() => expect(backend.callsOf('message_list')).toHaveLength(2));
    const older = backend.callsOf('message_list')[1];
    expect(older.conversationId).toBe(seed.general);
    expect(typeof older.before).toBe('number');
    // The rows that were in view stay in view; the older ones are above.
    await waitFor(() => expect(list.scrollTop).toBeGreaterThan(0));
    expect(screen.queryByText('Message number 0')).toBeNull();
    list.scrollTop = 0;
    fireEvent.scroll(list);
    expect(await screen.findByText('Message number 0')).toBeTruthy();
    expect(backend.callsOf('message_list')).toHaveLength(2);
  });
});

describe('Message search', () => {
  it('finds messages with filters and opens the conversation at the hit, highlighted', async () => {
    let target = '';
    const { backend, user, seed } = renderChat((b, { teamId, ada, general }) => {
      const start = Date.now() - 300 * 60_000;
      target = b.chat.addMessage(general, ada, 'The column padding looks off', { createdAt: start }).id;
      for (let i = 0; i < 80; i += 1) b.chat.addMessage(general, ada, `Filler ${i}`, { createdAt: start + (i + 1) * 60_000 });
      const other = b.chat.addChannel(teamId, 'random').id;
      b.chat.addMessage(other, b.me, 'padding everywhere');
    });
    await screen.findByTestId(`conversation-${seed.general}`);
    await user.click(screen.getByTestId('search-mode-messages'));
    const input = screen.getByTestId('search-input');
    await user.type(input, 'padding');
    await waitFor(() => expect(screen.getAllByTestId('chat-search-result')).toHaveLength(2));

    await user.selectOptions(screen.getByTestId('search-filter-author'), 'Ada Lovelace');
    await waitFor(() => expect(screen.getAllByTestId('chat-search-result')).toHaveLength(1));
    expect(backend.callsOf('message_search').slice(-1)[0]).toEqual({
      query: 'padding', teamId: seed.teamId, conversationId: null, author: seed.ada, after: null, before: null,
    });
    const hit = screen.getByTestId('chat-search-result');
    expect(Array.from(hit.querySelectorAll('mark')).map((m) => m.textContent)).toEqual(['padding']);
    expect(hit.textContent).toContain('#general');

    await user.click(hit);
    await waitFor(() => expect(screen.getByTestId('chat-view').dataset.conversationId).toBe(seed.general));
    // The hit is in the first page's past: older pages load until it is there.
    const row = await screen.findByTestId(`message-${target}`);
    expect(row.dataset.highlighted).toBe('true');
    expect(backend.callsOf('message_list').length).toBeGreaterThan(1);
  });

  it('narrows by day with the date filters', async () => {
    const { backend, user } = renderChat((b, { ada, general }) => {
      b.chat.addMessage(general, ada, 'padding today');
    });
    await screen.findByTestId('search-mode-messages');
    await user.click(screen.getByTestId('search-mode-messages'));
    await user.type(screen.getByTestId('search-input'), 'padding');
    fireEvent.change(screen.getByTestId('search-filter-from'), { target: { value: '2020-01-02' } });
    fireEvent.change(screen.getByTestId('search-filter-to'), { target: { value: '2020-01-03' } });
    await waitFor(() => {
      const last = backend.callsOf('message_search').slice(-1)[0];
      expect(last.after).toBe(new Date(2020, 0, 2).getTime());
      expect(last.before).toBe(new Date(2020, 0, 4).getTime());
    });
    expect(await screen.findByText(/No messages match/)).toBeTruthy();
  });
});

describe('Notification centre', () => {
  it('counts unread notifications, opens one, and marks all read', async () => {
    let mention = '';
    const { backend, user, seed } = renderChat((b, { ada, grace, general }) => {
      mention = b.chat.addMessage(general, ada, '@Alex Rivera please review').id;
      b.chat.addMessage(general, grace, 'nothing for you');
    });
    const bell = await screen.findByTestId('notification-bell');
    await waitFor(() => expect(within(bell).getByTestId('notification-count').textContent).toBe('1'));

    await user.click(bell);
    const items = screen.getAllByTestId('notification-item');
    expect(items).toHaveLength(1);
    expect(items[0].textContent).toContain('Ada Lovelace');
    expect(items[0].textContent).toContain('please review');

    await user.click(screen.getByTestId('notification-mark-all-read'));
    await waitFor(() => expect(within(bell).queryByTestId('notification-count')).toBeNull());
    expect(backend.callsOf('notification_mark_all_read')).toHaveLength(1);

    await user.click(screen.getByTestId('notification-item'));
    await waitFor(() => expect(screen.getByTestId('chat-view').dataset.conversationId).toBe(seed.general));
    await waitFor(() => expect(screen.getByTestId(`message-${mention}`).dataset.highlighted).toBe('true'));
  });

  it('mutes the open conversation and saves quiet hours', async () => {
    const { backend, user, seed } = renderChat();
    await openConversation(user, seed.general);
    await user.click(screen.getByTestId('notification-bell'));
    await user.click(screen.getByTestId('notification-mute'));
    await waitFor(() =>
      expect(backend.callsOf('notification_settings_set')[0]).toEqual({
        settings: { muted: [seed.general], dndStart: null, dndEnd: null },
      }),
    );
    fireEvent.change(screen.getByTestId('dnd-start'), { target: { value: '22:00' } });
    fireEvent.change(screen.getByTestId('dnd-end'), { target: { value: '07:30' } });
    await user.click(screen.getByTestId('dnd-save'));
    await waitFor(() =>
      expect(backend.callsOf('notification_settings_set')[1]).toEqual({
        settings: { muted: [seed.general], dndStart: '22:00', dndEnd: '07:30' },
      }),
    );
    await waitFor(() => expect(screen.getByText('Muted')).toBeTruthy());
  });

  it('opens the message of a clicked desktop notification', async () => {
    let id = '';
    const { seed } = renderChat((b, { ada, general }) => {
      id = b.chat.addMessage(general, ada, 'Ping').id;
    });
    await screen.findByTestId(`conversation-${seed.general}`);
    await act(async () => {
      await emit('notification-clicked', { conversationId: seed.general, messageId: id, teamId: seed.teamId });
    });
    await waitFor(() => expect(screen.getByTestId('chat-view').dataset.conversationId).toBe(seed.general));
    await waitFor(() => expect(screen.getByTestId(`message-${id}`).dataset.highlighted).toBe('true'));
  });
});

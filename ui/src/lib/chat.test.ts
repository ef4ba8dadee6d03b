import { describe, expect, it } from 'vitest';
import type { ChatMessage, DocChangedPayload, Member } from '../api';
import { planChatRefresh } from '../state/chatRefreshPlan';
import {
  baseName,
  buildRows,
  dayStartMs,
  formatSize,
  insertMention,
  mentionAt,
  mentionOptions,
  mergeNewest,
  prependOlder,
  splitMentions,
  typingText,
  upsertMessage,
  validClock,
} from './chat';
import { rowAt, rowOffsets, visibleRange } from './virtual';

const at = (day: number, hour: number, minute = 0) => new Date(2026, 2, day, hour, minute).getTime();

function msg(id: string, createdAt: number, author = 'a', extra: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id, conversationId: 'c', author, authorName: author, body: id, createdAt, editedAt: null, deleted: false,
    replyTo: null, replyCount: 0, mentions: [], attachments: [], reactions: [], pending: false, ...extra,
  };
}

const people: Member[] = [
  { userId: 'u-ada', name: 'Ada Lovelace', role: 'member' },
  { userId: 'u-ad', name: 'Ada', role: 'member' },
  { userId: 'u-grace', name: 'Grace Hopper', role: 'member' },
  { userId: 'me', name: 'Alex Rivera', role: 'owner' },
];

describe('buildRows', () => {
  it('puts a separator at each new day, the divider before the first unread, and groups close messages', () => {
    const rows = buildRows(
      [msg('m1', at(3, 9)), msg('m2', at(3, 9, 2)), msg('m3', at(4, 10)), msg('m4', at(4, 10, 1), 'b'), msg('m5', at(4, 10, 2), 'b')],
      'm5',
      at(4, 12),
    );
    expect(rows.map((r) => (r.kind === 'message' ? `${r.key}${r.continued ? '+' : ''}` : r.kind === 'day' ? r.label : 'NEW'))).toEqual([
      expect.any(String), 'm1', 'm2+', 'Today', 'm3', 'm4', 'NEW', 'm5',
    ]);
    expect(rows[0]).toMatchObject({ kind: 'day', label: 'Yesterday' });
  });

  it('does not group after a gap, a tombstone or a thread root', () => {
    const rows = buildRows(
      [msg('m1', at(4, 9)), msg('m2', at(4, 9, 10)), msg('m3', at(4, 9, 11), 'a', { deleted: true }), msg('m4', at(4, 9, 12)),
        msg('m5', at(4, 9, 13), 'a', { replyCount: 2 }), msg('m6', at(4, 9, 14))],
      null,
      at(4, 12),
    );
    expect(rows.filter((r) => r.kind === 'message').map((r) => r.kind === 'message' && r.continued)).toEqual([
      false, false, false, false, true, false,
    ]);
  });
});

describe('message lists', () => {
  it('upserts by id, in time order', () => {
    const list = [msg('a', 1), msg('c', 3)];
    expect(upsertMessage(list, msg('b', 2)).map((m) => m.id)).toEqual(['a', 'b', 'c']);
    expect(upsertMessage(list, { ...msg('c', 3), body: 'edited' })[1].body).toBe('edited');
  });

  it('merges a fresh newest page and keeps older pages', () => {
    const loaded = [msg('a', 1), msg('b', 2), msg('c', 3)];
    expect(mergeNewest(loaded, [msg('c', 3), msg('d', 4)], true).map((m) => m.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(mergeNewest(loaded, [msg('b', 2), msg('d', 4)], false).map((m) => m.id)).toEqual(['b', 'd']);
    // No overlap: messages may be missing in between, so the old ones go.
    expect(mergeNewest(loaded, [msg('x', 9), msg('y', 10)], true).map((m) => m.id)).toEqual(['x', 'y']);
    expect(prependOlder([msg('b', 2)], [msg('a', 1), msg('b', 2)]).map((m) => m.id)).toEqual(['a', 'b']);
  });
});

describe('mentions', () => {
  it('finds people by their whole name, longest first, and @channel', () => {
    expect(splitMentions('Hi @Ada Lovelace and @ada, ping @channel! mail@Ada no', people)).toEqual([
      { text: 'Hi ' },
      { text: '@Ada Lovelace', mention: 'u-ada' },
      { text: ' and ' },
      { text: '@ada', mention: 'u-ad' },
      { text: ', ping ' },
      { text: '@channel', mention: 'channel' },
      { text: '! mail@Ada no' },
    ]);
    expect(splitMentions('plain', people)).toEqual([{ text: 'plain' }]);
  });

  it('knows when a mention is being typed', () => {
    expect(mentionAt('hi @gra', 7)).toEqual({ start: 3, query: 'gra' });
    expect(mentionAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionAt('@Ada Lo', 7)).toEqual({ start: 0, query: 'Ada Lo' });
    expect(mentionAt('mail@x', 6)).toBeNull();
    expect(mentionAt('hi @x\nmore', 10)).toBeNull();
    expect(mentionAt('no at', 5)).toBeNull();
  });

  it('offers matching people (not me) by any word, then @channel', () => {
    expect(mentionOptions('ho', people, 'me').map((o) => o.name)).toEqual(['Grace Hopper']);
    expect(mentionOptions('', people, 'me').map((o) => o.id)).toEqual(['u-ad', 'u-ada', 'u-grace', 'channel']);
    expect(mentionOptions('ch', people, 'me').map((o) => o.id)).toEqual(['channel']);
    expect(mentionOptions('alex', people, 'me')).toEqual([]);
  });

  it('replaces the typed mention with the chosen name and a space', () => {
    const text = 'hi @gr there';
    const mention = mentionAt(text, 6);
    expect(mention).not.toBeNull();
    expect(insertMention(text, mention!, 6, { id: 'u-grace', name: 'Grace Hopper', insert: 'Grace Hopper' })).toEqual({
      text: 'hi @Grace Hopper there',
      caret: 17,
    });
  });
});

describe('words', () => {
  it('says who is typing', () => {
    expect(typingText([])).toBe('');
    expect(typingText(['Alice'])).toBe('Alice is typing…');
    expect(typingText(['Alice', 'Bob'])).toBe('Alice and Bob are typing…');
    expect(typingText(['Alice', 'Bob', 'Carol'])).toBe('Alice, Bob and Carol are typing…');
    expect(typingText(['A', 'B', 'C', 'D'])).toBe('Several people are typing…');
  });

  it('formats sizes, paths, days and clock times', () => {
    expect(formatSize(812)).toBe('812 B');
    expect(formatSize(4300)).toBe('4.2 KB');
    expect(formatSize(25 * 1024 * 1024)).toBe('25 MB');
    expect(baseName('/home/a/report.pdf')).toBe('report.pdf');
    expect(baseName('C:\\Users\\a\\notes.txt')).toBe('notes.txt');
    expect(dayStartMs('2026-03-04')).toBe(new Date(2026, 2, 4).getTime());
    expect(dayStartMs('2026-03-04', true)).toBe(new Date(2026, 2, 5).getTime());
    expect(dayStartMs('nope')).toBeNull();
    expect(validClock('7:05')).toBe('07:05');
    expect(validClock('24:00')).toBeNull();
    expect(validClock('12:60')).toBeNull();
  });
});

describe('windowing', () => {
  const offsets = rowOffsets([10, 20, 30, 40]);

  it('sums heights into offsets and finds the row at a position', () => {
    expect(offsets).toEqual([0, 10, 30, 60, 100]);
    expect([0, 9, 10, 59, 60, 99, 500].map((y) => rowAt(offsets, y))).toEqual([0, 0, 1, 2, 3, 3, 3]);
  });

  it('renders the rows in view plus overscan', () => {
    expect(visibleRange(offsets, 15, 30, 0)).toEqual({ start: 1, end: 3, firstVisible: 1, lastVisible: 2 });
    expect(visibleRange(offsets, 15, 30, 1)).toEqual({ start: 0, end: 4, firstVisible: 1, lastVisible: 2 });
    expect(visibleRange(rowOffsets([]), 0, 100, 3)).toEqual({ start: 0, end: 0, firstVisible: 0, lastVisible: -1 });
  });
});

describe('planChatRefresh', () => {
  const change = (kind: string, docId: string, teamId: string | null): DocChangedPayload => ({ kind, docId, teamId });
  const shown = { conversationId: 'c1', teamId: 't1' };

  it('re-reads the open conversation when a chat document of its team changes', () => {
    expect(planChatRefresh([change('channel', 'x', 't1')], shown)).toEqual({ conversations: true, messages: true, notifications: true });
    expect(planChatRefresh([change('channel', 'x', 't2')], shown)).toEqual({ conversations: true, messages: false, notifications: true });
  });

  it('re-reads names on person and team changes, and ignores boards', () => {
    expect(planChatRefresh([change('user', 'u', null)], shown)).toMatchObject({ conversations: true, messages: true });
    expect(planChatRefresh([change('team', 't1', 't1')], shown)).toEqual({ conversations: true, messages: false, notifications: false });
    expect(planChatRefresh([change('board', 'b', 't1')], shown)).toEqual({ conversations: false, messages: false, notifications: false });
    expect(planChatRefresh([change('mystery', 'x', null)], { conversationId: null, teamId: null })).toEqual({
      conversations: true, messages: false, notifications: true,
    });
  });
});

// Pure helpers of the chat view: how a message list becomes rows, how mentions
// are found in text, and how small facts are said in words.
import type { ChatMessage, Member } from '../api';

// ----- rows of the message list -----

export type ChatRow =
  | { kind: 'day'; key: string; label: string }
  | { kind: 'unread'; key: string }
  | { kind: 'message'; key: string; message: ChatMessage; continued: boolean };

/** Messages by one author closer together than this share one header. */
export const GROUP_GAP_MS = 5 * 60_000;

export function dayKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

/** "Today", "Yesterday", "Monday, March 4", or with the year when not this year. */
export function dayLabel(ms: number, now: number = Date.now()): string {
  if (dayKey(ms) === dayKey(now)) return 'Today';
  const yesterday = new Date(now);
  yesterday.setDate(yesterday.getDate() - 1);
  if (dayKey(ms) === dayKey(yesterday.getTime())) return 'Yesterday';
  const date = new Date(ms);
  const options: Intl.DateTimeFormatOptions = { weekday: 'long', month: 'long', day: 'numeric' };
  if (date.getFullYear() !== new Date(now).getFullYear()) options.year = 'numeric';
  return date.toLocaleDateString(undefined, options);
}

/** "14:05" (or the locale's own short time). */
export function clockTime(ms: number): string {
  return new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/**
 * Turns messages (oldest first) into the rows the list shows: a separator at
 * each new day, the "New messages" divider before `firstUnreadId`, and each
 * message marked `continued` when it follows its author's previous one closely.
 */
export function buildRows(messages: readonly ChatMessage[], firstUnreadId: string | null, now = Date.now()): ChatRow[] {
  const rows: ChatRow[] = [];
  let previous: ChatMessage | null = null;
  for (const message of messages) {
    const day = dayKey(message.createdAt);
    const newDay = previous === null || dayKey(previous.createdAt) !== day;
    if (newDay) rows.push({ kind: 'day', key: `day:${day}`, label: dayLabel(message.createdAt, now) });
    const unread = message.id === firstUnreadId;
    if (unread) rows.push({ kind: 'unread', key: 'unread' });
    const continued =
      !newDay &&
      !unread &&
      previous !== null &&
      !previous.deleted &&
      !message.deleted &&
      previous.author === message.author &&
      previous.replyCount === 0 &&
      message.createdAt - previous.createdAt < GROUP_GAP_MS;
    rows.push({ kind: 'message', key: message.id, message, continued });
    previous = message;
  }
  return rows;
}

/** Rough heights before a row has been measured, in pixels. */
export function estimateRowHeight(row: ChatRow): number {
  if (row.kind === 'day') return 40;
  if (row.kind === 'unread') return 28;
  const m = row.message;
  let height = row.continued ? 26 : 52;
  if (m.body.length > 90) height += Math.ceil(m.body.length / 90) * 20;
  height += m.attachments.length * 44;
  if (m.reactions.length > 0) height += 30;
  if (m.replyCount > 0) height += 24;
  return height;
}

/** Replaces a message by id, or inserts it in time order. */
export function upsertMessage(list: readonly ChatMessage[], message: ChatMessage): ChatMessage[] {
  const index = list.findIndex((m) => m.id === message.id);
  if (index >= 0) return list.map((m, i) => (i === index ? message : m));
  const next = [...list, message];
  next.sort((a, b) => a.createdAt - b.createdAt);
  return next;
}

/**
 * Merges a fresh newest page into what is loaded: loaded messages older than
 * the page stay (unless the page reaches the very beginning, or does not
 * overlap what is loaded), the page wins for everything it covers.
 */
export function mergeNewest(
  loaded: readonly ChatMessage[],
  page: readonly ChatMessage[],
  pageHasOlder: boolean,
): ChatMessage[] {
  if (!pageHasOlder || page.length === 0) return [...page];
  const ids = new Set(page.map((m) => m.id));
  // Nothing in common: more arrived than a page holds, and what lies between
  // is not known. Keeping the old messages would hide that gap; start afresh.
  if (loaded.length > 0 && !loaded.some((m) => ids.has(m.id))) return [...page];
  const oldest = page[0].createdAt;
  return [...loaded.filter((m) => m.createdAt < oldest && !ids.has(m.id)), ...page];
}

/** Older messages go on top; anything already there keeps its newer copy. */
export function prependOlder(loaded: readonly ChatMessage[], older: readonly ChatMessage[]): ChatMessage[] {
  const ids = new Set(loaded.map((m) => m.id));
  return [...older.filter((m) => !ids.has(m.id)), ...loaded];
}

// ----- mentions -----

export interface BodyPart {
  text: string;
  /** A user id, 'channel', or absent for plain text. */
  mention?: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Splits a message body into plain text and @mentions of people (by name) and
 * of @channel. Longer names win, so "@Ada Lovelace" is not read as "@Ada".
 */
export function splitMentions(body: string, people: readonly Pick<Member, 'userId' | 'name'>[]): BodyPart[] {
  const named = people
    .filter((p) => p.name.trim())
    .map((p) => ({ id: p.userId, name: p.name.trim() }))
    .concat([{ id: 'channel', name: 'channel' }])
    .sort((a, b) => b.name.length - a.name.length);
  const byName = new Map(named.map((p) => [p.name.toLowerCase(), p.id]));
  const pattern = new RegExp(`(^|[^\\w@])@(${named.map((p) => escapeRegExp(p.name)).join('|')})(?![\\w])`, 'gi');
  const parts: BodyPart[] = [];
  let last = 0;
  for (let match = pattern.exec(body); match; match = pattern.exec(body)) {
    const start = match.index + match[1].length;
    if (start > last) parts.push({ text: body.slice(last, start) });
    const text = body.slice(start, start + 1 + match[2].length);
    parts.push({ text, mention: byName.get(match[2].toLowerCase()) });
    last = start + text.length;
    pattern.lastIndex = last;
  }
  if (last < body.length) parts.push({ text: body.slice(last) });
  return parts;
}

export interface MentionQuery {
  /** Index of the '@'. */
  start: number;
  /** What follows the '@' up to the caret. */
  query: string;
}

/**
 * The mention being typed at the caret: an '@' at the start or after a space,
 * followed by at most a few words without a line break.
 */
export function mentionAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  if (at > 0 && !/\s/.test(before[at - 1])) return null;
  const query = before.slice(at + 1);
  if (query.length > 40 || /[\n@]/.test(query) || /^\s/.test(query)) return null;
  return { start: at, query };
}

export interface MentionOption {
  /** A user id, or 'channel'. */
  id: string;
  name: string;
  /** What goes after the '@'. */
  insert: string;
}

/** Team members (not me) whose name matches the query, then @channel. */
export function mentionOptions(query: string, members: readonly Member[], me: string | undefined, limit = 8): MentionOption[] {
  const q = query.toLowerCase();
  const people = members
    .filter((m) => m.userId !== me && m.name.trim())
    .filter((m) => m.name.toLowerCase().split(/\s+/).some((w) => w.startsWith(q)) || m.name.toLowerCase().startsWith(q))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((m) => ({ id: m.userId, name: m.name, insert: m.name.trim() }));
  const options = people.slice(0, limit);
  if ('channel'.startsWith(q)) options.push({ id: 'channel', name: 'channel', insert: 'channel' });
  return options;
}

/** Replaces the mention being typed with the chosen one and a space; returns the text and the caret. */
export function insertMention(text: string, mention: MentionQuery, caret: number, option: MentionOption) {
  const inserted = `@${option.insert} `;
  const after = text.slice(caret).replace(/^ /, '');
  const next = text.slice(0, mention.start) + inserted + after;
  return { text: next, caret: mention.start + inserted.length };
}

// ----- words -----

/** "Alice is typing…", "Alice and Bob are typing…", "Alice, Bob and Carol are typing…". */
export function typingText(names: readonly string[]): string {
  if (names.length === 0) return '';
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length > 3) return 'Several people are typing…';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} are typing…`;
}

/** 812 B, 4.2 KB, 12 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** The last part of a path, on any platform. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** Local midnight of a YYYY-MM-DD day in ms, or null. `endOfDay` gives the next midnight. */
export function dayStartMs(iso: string, endOfDay = false): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + (endOfDay ? 1 : 0));
  return date.getTime();
}

/** 'HH:MM' 24-hour, or null for anything else. */
export function validClock(value: string): string | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}

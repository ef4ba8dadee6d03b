// The chat half of the in-memory stand-in for the Rust core (see fakeBackend.ts),
// following the "Chat commands" of docs/ipc.md: the same shapes, rules and codes.
import type {
  Attachment,
  ChatMessage,
  ChatNotification,
  Conversation,
  MessageEdit,
  MessageHit,
  MessagePage,
  NotificationSettings,
  Presence,
  PresenceState,
  Reaction,
} from '../api/types';
import { baseName, splitMentions, validClock } from '../lib/chat';
import { checkedText, NOT_HANDLED, type FakeHost } from './fakeHost';

const MAX_MESSAGE = 10_000;
const MAX_CHANNEL_NAME = 80;
const MAX_ATTACHMENT = 25 * 1024 * 1024;
const PAGE = 50;

/** What the chat needs from the rest of the fake core. */
export interface ChatHost extends FakeHost {
  /** Any other event, when the fake emits events. */
  emit: (event: string, payload: unknown) => void;
}

/** A message as stored: the reply count and the author's name are worked out when it is read. */
export interface FakeMessage extends Omit<ChatMessage, 'authorName' | 'replyCount'> {
  history: MessageEdit[];
}

/** A conversation as stored: a direct message's name, the unread counts and muting are worked out when it is read. */
export interface FakeConversation
  extends Pick<Conversation, 'id' | 'teamId' | 'kind' | 'name' | 'members' | 'createdBy' | 'createdAt'> {
  messages: FakeMessage[];
  /** Read markers by user id (ms). */
  readAt: Map<string, number>;
}

export interface AddMessageOptions {
  createdAt?: number;
  replyTo?: string | null;
  reactions?: Reaction[];
  /** Earlier versions: the message shows as edited. */
  history?: MessageEdit[];
  deleted?: boolean;
  pending?: boolean;
  attachments?: Attachment[];
}

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
  md: 'text/markdown',
  zip: 'application/zip',
};

/** A stable 64-hex-digit stand-in for a file's SHA-256. */
function fakeSha(text: string): string {
  let out = '';
  let h = 2166136261;
  for (let round = 0; out.length < 64; round += 1) {
    for (const ch of `${text}#${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

/** Wraps each occurrence of any query word in \u0002 … \u0003, as the core's search does. */
function highlight(source: string, words: string[]): string {
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return source.replace(new RegExp(`(${escaped.join('|')})`, 'gi'), '\u0002$1\u0003');
}

export class FakeChat {
  private readonly conversations = new Map<string, FakeConversation>();
  private readonly presence = new Map<string, PresenceState>();
  private readonly typing = new Map<string, string[]>();
  private notifications: ChatNotification[] = [];
  private settings: NotificationSettings = { muted: [], dndStart: null, dndEnd: null };
  private lastCreatedAt = 0;
  /** What attachment_pick answers next (null: the person cancelled). */
  pickResult: string | null = '/home/alex/Documents/notes.txt';
  /** File sizes by path for attachment_upload; anything else is small. */
  readonly fileSizes = new Map<string, number>();

  constructor(private readonly host: ChatHost) {}

  dispatch(cmd: string, a: Record<string, unknown>): unknown {
    const h = this.host;
    switch (cmd) {
      case 'conversation_list':
        return this.list(String(a.teamId));
      case 'channel_create': {
        h.teamMembers(String(a.teamId));
        const name = checkedText(this.host.fail, 'a channel name', a.name, MAX_CHANNEL_NAME);
        const isPrivate = a.private === true;
        const members = this.people(String(a.teamId), a.members);
        const c = this.addChannel(String(a.teamId), name, { private: isPrivate, members });
        h.changed(c.id, 'channel', c.teamId);
        return this.conversation(c);
      }
      case 'direct_open': {
        const teamId = String(a.teamId);
        const members = this.people(teamId, a.members);
        const wanted = [...new Set([h.me, ...members])].sort();
        const existing = [...this.conversations.values()].find(
          (c) => c.teamId === teamId && c.kind === 'direct' && [...c.members].sort().join() === wanted.join(),
        );
        if (existing) return this.conversation(existing);
        const c = this.addDirect(teamId, members);
        h.changed(c.id, 'channel', teamId);
        return this.conversation(c);
      }
      case 'message_list':
        return this.page(a);
      case 'message_thread': {
        const c = this.visible(a.conversationId);
        const root = this.message(c, a.messageId);
        if (root.replyTo !== null) return h.fail('not_found', `thread \`${root.id}\` does not exist`);
        return [root, ...c.messages.filter((m) => m.replyTo === root.id)].map((m) => this.chatMessage(c, m));
      }
      case 'message_send':
        return this.send(a);
      case 'message_edit': {
        const c = this.visible(a.conversationId);
        const m = this.message(c, a.messageId);
        if (m.deleted) return h.fail('not_found', `message \`${m.id}\` was deleted`);
        if (m.author !== h.me) return h.fail('forbidden', 'only the author may edit a message');
        const body = checkedText(this.host.fail, 'a message', a.body, MAX_MESSAGE);
        m.history.push({ body: m.body, editedAt: m.editedAt ?? m.createdAt });
        m.body = body;
        m.editedAt = h.now();
        m.mentions = this.mentionsIn(c, body);
        h.changed(c.id, 'channel', c.teamId);
        return this.chatMessage(c, m);
      }
      case 'message_delete': {
        const c = this.visible(a.conversationId);
        const m = this.message(c, a.messageId);
        const role = h.teamMembers(c.teamId).find((x) => x.userId === h.me)?.role;
        const manages = c.kind !== 'direct' && (role === 'owner' || role === 'manager');
        if (m.author !== h.me && !manages) return h.fail('forbidden', 'only the author or a manager may delete a message');
        Object.assign(m, { deleted: true, body: '', attachments: [], reactions: [], mentions: [] });
        h.changed(c.id, 'channel', c.teamId);
        return this.chatMessage(c, m);
      }
      case 'message_react': {
        const c = this.visible(a.conversationId);
        const m = this.message(c, a.messageId);
        if (m.deleted) return h.fail('not_found', `message \`${m.id}\` was deleted`);
        const emoji = typeof a.emoji === 'string' ? a.emoji.trim() : '';
        if (!emoji || [...emoji].length > 16) return h.fail('invalid_input', 'a reaction is one emoji');
        const reaction = m.reactions.find((r) => r.emoji === emoji);
        if (!reaction) m.reactions.push({ emoji, users: [h.me] });
        else if (reaction.users.includes(h.me)) reaction.users = reaction.users.filter((u) => u !== h.me);
        else reaction.users.push(h.me);
        m.reactions = m.reactions.filter((r) => r.users.length > 0);
        h.changed(c.id, 'channel', c.teamId);
        return this.chatMessage(c, m);
      }
      case 'message_history': {
        const c = this.visible(a.conversationId);
        return this.message(c, a.messageId).history.map((e) => ({ ...e }));
      }
      case 'message_seen_by': {
        const c = this.visible(a.conversationId);
        const m = this.message(c, a.messageId);
        return [...c.readAt.entries()].filter(([, at]) => at >= m.createdAt).map(([user]) => user);
      }
      case 'conversation_mark_read': {
        const c = this.visible(a.conversationId);
        const newest = c.messages.reduce((max, m) => Math.max(max, m.createdAt), 0);
        const at = typeof a.at === 'number' ? a.at : newest;
        c.readAt.set(h.me, Math.max(c.readAt.get(h.me) ?? 0, at));
        return null;
      }
      case 'message_search':
        return this.search(a);
      case 'attachment_pick':
        return this.pickResult;
      case 'attachment_upload': {
        const c = this.visible(a.conversationId);
        const path = typeof a.path === 'string' ? a.path.trim() : '';
        if (!path) return h.fail('invalid_input', 'no file given');
        const name = baseName(path);
        const size = this.fileSizes.get(path) ?? 1024 + name.length * 137;
        if (size > MAX_ATTACHMENT) return h.fail('attachment_too_large', `${name} is larger than 25 MB`);
        const sha256 = fakeSha(`${c.id}:${path}:${size}`);
        h.emit('transfer-progress', { sha256, name, done: Math.floor(size / 2), total: size });
        h.emit('transfer-progress', { sha256, name, done: size, total: size });
        const ext = name.includes('.') ? name.split('.').pop()?.toLowerCase() ?? '' : '';
        return { sha256, name, size, mime: MIME[ext] ?? 'application/octet-stream' };
      }
      case 'attachment_fetch': {
        this.visible(a.conversationId);
        const sha256 = String(a.sha256 ?? '');
        const name = baseName(String(a.name ?? 'file'));
        if (!/^[0-9a-f]{64}$/.test(sha256)) return h.fail('invalid_input', 'not a sha256');
        h.emit('transfer-progress', { sha256, name, done: 1, total: 1 });
        return `/home/alex/.cache/teamstead/attachments/${sha256.slice(0, 12)}/${name}`;
      }
      case 'presence_list': {
        const members = h.teamMembers(String(a.teamId));
        return members
          .map((m): Presence => ({ userId: m.userId, state: this.presence.get(m.userId) ?? 'offline' }))
          .filter((p) => p.state !== 'offline');
      }
      case 'presence_set': {
        if (a.state !== 'online' && a.state !== 'idle') return h.fail('invalid_input', 'presence is online or idle');
        this.presence.set(h.me, a.state);
        return null;
      }
      case 'typing_notify':
        this.visible(a.conversationId);
        return null;
      case 'typing_list':
        return [...(this.typing.get(this.visible(a.conversationId).id) ?? [])];
      case 'notification_list':
        return [...this.notifications].sort((x, y) => y.createdAt - x.createdAt).map((n) => ({ ...n }));
      case 'notification_mark_all_read':
        for (const n of this.notifications) n.read = true;
        return null;
      case 'notification_settings_get':
        return { ...this.settings, muted: [...this.settings.muted] };
      case 'notification_settings_set': {
        const s = (a.settings ?? {}) as Record<string, unknown>;
        if (!Array.isArray(s.muted)) return h.fail('invalid_input', 'muted must be a list');
        const clock = (v: unknown, what: string) =>
          v === null || v === undefined
            ? null
            : (validClock(String(v)) ?? h.fail('invalid_input', `${what} must be HH:MM`));
        this.settings = {
          muted: [...new Set(s.muted.map(String))],
          dndStart: clock(s.dndStart, 'the start of quiet hours'),
          dndEnd: clock(s.dndEnd, 'the end of quiet hours'),
        };
        return { ...this.settings, muted: [...this.settings.muted] };
      }
      default:
        return NOT_HANDLED;
    }
  }

  // ----- helpers for tests and demo data -----

  addChannel(teamId: string, name: string, options: { private?: boolean; members?: string[]; createdBy?: string } = {}) {
    return this.create({
      teamId,
      kind: options.private ? 'private' : 'channel',
      name,
      members: options.private ? [...new Set([this.host.me, ...(options.members ?? [])])] : [],
      createdBy: options.createdBy ?? this.host.me,
    });
  }

  /** A team's channel by name (new teams come with #general). */
  channelNamed(teamId: string, name: string): FakeConversation | undefined {
    return [...this.conversations.values()].find((c) => c.teamId === teamId && c.kind !== 'direct' && c.name === name);
  }

  /** A direct conversation of me and these people. */
  addDirect(teamId: string, members: string[]) {
    return this.create({
      teamId,
      kind: 'direct',
      name: '',
      members: [...new Set([this.host.me, ...members])],
      createdBy: this.host.me,
    });
  }

  /** A message as if it arrived from `author`; mentions of me and direct messages notify. */
  addMessage(conversationId: string, author: string, body: string, options: AddMessageOptions = {}): FakeMessage {
    const c = this.conversations.get(conversationId) ?? this.host.fail('not_found', `conversation ${conversationId}`);
    const createdAt = options.createdAt ?? this.nextTime();
    this.lastCreatedAt = Math.max(this.lastCreatedAt, createdAt);
    const m: FakeMessage = {
      id: this.host.id('msg'),
      conversationId,
      author,
      body: options.deleted ? '' : body,
      createdAt,
      editedAt: options.history?.length ? createdAt + 60_000 : null,
      deleted: options.deleted ?? false,
      replyTo: options.replyTo ?? null,
      mentions: options.deleted ? [] : this.mentionsIn(c, body),
      attachments: options.attachments ?? [],
      reactions: options.reactions ?? [],
      pending: options.pending ?? false,
      history: options.history ?? [],
    };
    c.messages.push(m);
    c.messages.sort((x, y) => x.createdAt - y.createdAt);
    if (author === this.host.me) c.readAt.set(author, Math.max(c.readAt.get(author) ?? 0, createdAt));
    const mentioned = m.mentions.includes(this.host.me) || m.mentions.includes('channel');
    if (author !== this.host.me && !m.deleted && (mentioned || c.kind === 'direct') && !this.settings.muted.includes(c.id)) {
      this.notifications.push({
        messageId: m.id,
        conversationId: c.id,
        teamId: c.teamId,
        kind: c.kind === 'direct' ? 'direct' : 'mention',
        author,
        authorName: this.host.nameOf(author),
        body: m.body,
        createdAt,
        read: false,
      });
    }
    return m;
  }

  setTyping(conversationId: string, users: string[]): void {
    this.typing.set(conversationId, [...users]);
  }

  setPresence(userId: string, state: PresenceState): void {
    this.presence.set(userId, state);
  }

  presenceOf(userId: string): PresenceState {
    return this.presence.get(userId) ?? 'offline';
  }

  markRead(conversationId: string, userId: string, at: number): void {
    this.conversations.get(conversationId)?.readAt.set(userId, at);
  }

  get(conversationId: string): FakeConversation | undefined {
    return this.conversations.get(conversationId);
  }

  /** Demo channels and messages for `vite dev`. */
  seed(teamId: string, ada: string, grace: string): void {
    const me = this.host.me;
    const now = this.host.now();
    const minute = 60_000;
    const yesterday = now - 26 * 60 * minute;
    const general = this.channelNamed(teamId, 'general') ?? this.addChannel(teamId, 'general');
    const m1 = this.addMessage(general.id, ada, 'Morning all! The sync spec draft is up on the board.', { createdAt: yesterday });
    this.addMessage(general.id, grace, 'Nice, I will read it after lunch.', { createdAt: yesterday + 4 * minute });
    this.addMessage(general.id, me, 'Thanks Ada, I left two comments on the reconnect part.', {
      createdAt: yesterday + 9 * minute,
      reactions: [{ emoji: '👍', users: [ada] }],
    });
    this.addMessage(general.id, ada, 'Good catch, answered in the thread.', { createdAt: yesterday + 12 * minute, replyTo: m1.id });
    this.addMessage(general.id, grace, 'Old news, ignore me', { createdAt: yesterday + 30 * minute, deleted: true });
    general.readAt.set(me, yesterday + 30 * minute);
    this.addMessage(general.id, grace, 'Drag and drop polish is ready for review.', {
      createdAt: now - 50 * minute,
      history: [{ body: 'Drag and drop polish is ready.', editedAt: now - 50 * minute }],
      reactions: [{ emoji: '🎉', users: [ada, me] }],
    });
    this.addMessage(general.id, ada, `@${this.host.nameOf(me)} could you look at the column padding nit?`, {
      createdAt: now - 12 * minute,
    });
    this.addMessage(general.id, grace, 'Standup in 10 minutes, @channel', { createdAt: now - 5 * minute });
    general.readAt.set(ada, now - 5 * minute);
    general.readAt.set(grace, now - 5 * minute);

    const crit = this.addChannel(teamId, 'design-crit', { private: true, members: [ada], createdBy: me });
    this.addMessage(crit.id, me, 'Private space for early sketches.', { createdAt: yesterday + 60 * minute });

    const dm = this.addDirect(teamId, [ada]);
    this.addMessage(dm.id, ada, 'Do you have a minute to pair on the offline queue?', { createdAt: now - 8 * minute });

    this.presence.set(ada, 'online');
    this.presence.set(grace, 'idle');
  }

  // ----- reads -----

  private nextTime(): number {
    const t = Math.max(this.host.now(), this.lastCreatedAt + 1);
    this.lastCreatedAt = t;
    return t;
  }

  /** Checks that every id names a member of the team. */
  private people(teamId: string, raw: unknown): string[] {
    const members = this.host.teamMembers(teamId);
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw)) return this.host.fail('invalid_input', 'members must be a list');
    return raw.map((id) => {
      const userId = String(id);
      if (!members.some((m) => m.userId === userId)) this.host.fail('not_found', `member \`${userId}\` does not exist`);
      return userId;
    });
  }

  private create(fields: Omit<FakeConversation, 'id' | 'createdAt' | 'messages' | 'readAt'>): FakeConversation {
    this.host.teamMembers(fields.teamId);
    const c: FakeConversation = {
      id: this.host.id('conv'),
      ...fields,
      createdAt: this.host.now(),
      messages: [],
      readAt: new Map(),
    };
    this.conversations.set(c.id, c);
    return c;
  }

  private canSee(c: FakeConversation): boolean {
    return c.kind === 'channel' || c.members.includes(this.host.me);
  }

  /** The conversation, if it exists and I may see it; otherwise not_found, as for one that does not exist. */
  private visible(id: unknown): FakeConversation {
    const c = this.conversations.get(String(id));
    if (!c || !this.canSee(c)) return this.host.fail('not_found', `conversation \`${String(id)}\` does not exist`);
    return c;
  }

  private message(c: FakeConversation, id: unknown): FakeMessage {
    return c.messages.find((m) => m.id === String(id)) ?? this.host.fail('not_found', `message \`${String(id)}\` does not exist`);
  }

  private mentionsIn(c: FakeConversation, body: string): string[] {
    const people = this.host.teamMembers(c.teamId).map((m) => ({ userId: m.userId, name: this.host.nameOf(m.userId) }));
    const ids = splitMentions(body, people)
      .map((p) => p.mention)
      .filter((id): id is string => id !== undefined);
    return [...new Set(ids)];
  }

  private conversation(c: FakeConversation): Conversation {
    const me = this.host.me;
    const readAt = c.readAt.get(me) ?? 0;
    const unread = c.messages.filter((m) => m.author !== me && !m.deleted && m.createdAt > readAt);
    const others = c.members.filter((u) => u !== me).map((u) => this.host.nameOf(u));
    return {
      id: c.id,
      teamId: c.teamId,
      kind: c.kind,
      name: c.kind === 'direct' ? (others.length ? others.join(', ') : this.host.nameOf(me)) : c.name,
      members: [...c.members],
      createdBy: c.createdBy,
      createdAt: c.createdAt,
      unread: unread.length,
      unreadMentions: unread.filter((m) => m.mentions.includes(me) || m.mentions.includes('channel')).length,
      lastMessageAt: c.messages.length ? c.messages[c.messages.length - 1].createdAt : null,
      muted: this.settings.muted.includes(c.id),
    };
  }

  private list(teamId: string): Conversation[] {
    this.host.teamMembers(teamId);
    const mine = [...this.conversations.values()].filter((c) => c.teamId === teamId && this.canSee(c)).map((c) => this.conversation(c));
    const channels = mine.filter((c) => c.kind !== 'direct').sort((x, y) => x.name.localeCompare(y.name));
    const directs = mine
      .filter((c) => c.kind === 'direct')
      .sort((x, y) => (y.lastMessageAt ?? y.createdAt) - (x.lastMessageAt ?? x.createdAt));
    return [...channels, ...directs];
  }

  private chatMessage(c: FakeConversation, m: FakeMessage): ChatMessage {
    return {
      id: m.id,
      conversationId: c.id,
      author: m.author,
      authorName: this.host.nameOf(m.author),
      body: m.body,
      createdAt: m.createdAt,
      editedAt: m.editedAt,
      deleted: m.deleted,
      replyTo: m.replyTo,
      replyCount: m.replyTo === null ? c.messages.filter((r) => r.replyTo === m.id && !r.deleted).length : 0,
      mentions: [...m.mentions],
      attachments: m.attachments.map((x) => ({ ...x })),
      reactions: m.reactions.map((r) => ({ emoji: r.emoji, users: [...r.users] })),
      pending: m.pending,
    };
  }

  private page(a: Record<string, unknown>): MessagePage {
    const c = this.visible(a.conversationId);
    const me = this.host.me;
    const limit = typeof a.limit === 'number' && a.limit > 0 ? Math.floor(a.limit) : PAGE;
    const roots = c.messages.filter((m) => m.replyTo === null);
    const before = typeof a.before === 'number' ? a.before : null;
    const candidates = before === null ? roots : roots.filter((m) => m.createdAt < before);
    const page = candidates.slice(-limit);
    const readAt = c.readAt.get(me) ?? 0;
    const firstUnread = roots.find((m) => m.author !== me && !m.deleted && m.createdAt > readAt);
    return {
      messages: page.map((m) => this.chatMessage(c, m)),
      hasOlder: candidates.length > page.length,
      readAt,
      firstUnreadId: firstUnread?.id ?? null,
    };
  }

  private send(a: Record<string, unknown>): ChatMessage {
    const h = this.host;
    const c = this.visible(a.conversationId);
    const attachments = Array.isArray(a.attachments) ? (a.attachments as Attachment[]) : [];
    const body =
      attachments.length > 0 && typeof a.body === 'string' && !a.body.trim()
        ? ''
        : checkedText(this.host.fail, 'a message', a.body, MAX_MESSAGE);
    let replyTo: string | null = null;
    if (typeof a.replyTo === 'string') {
      const root = this.message(c, a.replyTo);
      if (root.replyTo !== null) return h.fail('invalid_input', 'replies go to the thread’s first message');
      replyTo = root.id;
    }
    const m = this.addMessage(c.id, h.me, body, { replyTo, attachments: attachments.map((x) => ({ ...x })) });
    h.changed(c.id, 'channel', c.teamId);
    return this.chatMessage(c, m);
  }

  private search(a: Record<string, unknown>): MessageHit[] {
    const words = String(a.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    const hits: MessageHit[] = [];
    for (const c of this.conversations.values()) {
      if (!this.canSee(c)) continue;
      if (typeof a.teamId === 'string' && c.teamId !== a.teamId) continue;
      if (typeof a.conversationId === 'string' && c.id !== a.conversationId) continue;
      for (const m of c.messages) {
        if (m.deleted) continue;
        if (typeof a.author === 'string' && m.author !== a.author) continue;
        if (typeof a.after === 'number' && m.createdAt < a.after) continue;
        if (typeof a.before === 'number' && m.createdAt >= a.before) continue;
        const body = m.body.toLowerCase();
        if (!words.every((w) => body.includes(w))) continue;
        hits.push({
          messageId: m.id,
          conversationId: c.id,
          teamId: c.teamId,
          author: m.author,
          authorName: this.host.nameOf(m.author),
          createdAt: m.createdAt,
          snippet: highlight(m.body.slice(0, 200), words),
        });
      }
    }
    return hits.sort((x, y) => y.createdAt - x.createdAt);
  }
}

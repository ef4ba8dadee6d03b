// Mirrors docs/ipc.md exactly; keep the two in step.

export type Role = 'owner' | 'manager' | 'member' | 'viewer';
export type Status = 'todo' | 'in_progress' | 'in_review' | 'done';
export type Priority = 'none' | 'low' | 'medium' | 'high' | 'urgent';

export interface AppError {
  code: string;
  message: string;
}

export interface Identity {
  userId: string;
  name: string;
}

export interface BoardSummary {
  id: string;
  teamId: string;
  name: string;
  taskCount: number;
}

export interface TeamSummary {
  id: string;
  name: string;
  role: Role;
  memberCount: number;
  boards: BoardSummary[];
}

export interface Member {
  userId: string;
  name: string;
  role: Role;
}

export interface TaskSummary {
  id: string;
  boardId: string;
  title: string;
  status: Status;
  position: number;
  assignee: string | null;
  due: string | null;
  priority: Priority;
  labels: string[];
  /** Ids of unfinished tasks this one depends on. */
  blockedBy: string[];
  commentCount: number;
  /** Milliseconds since the epoch. */
  updatedAt: number;
}

export interface Comment {
  id: string;
  author: string;
  authorName: string;
  body: string;
  createdAt: number;
}

export interface TaskDetail extends TaskSummary {
  description: string;
  dependsOn: string[];
  comments: Comment[];
  createdBy: string;
  createdAt: number;
}

/** `snippet` wraps matched words in \u0002 … \u0003. */
export interface SearchHit {
  taskId: string;
  boardId: string;
  teamId: string;
  title: string;
  snippet: string;
  status: Status;
}

export type SyncState = 'local_only' | 'offline' | 'syncing' | 'synced';

export interface SyncStatus {
  state: SyncState;
  label: string;
  /** Local changes the relay has not acknowledged yet. */
  pendingChanges: number;
  /** Milliseconds since the epoch of the relay's last message. */
  lastHeardFrom: number | null;
  lastError: string | null;
  relayUrl: string | null;
  email: string | null;
}

/** This device's relay account; the token itself stays in the OS keyring. */
export interface Account {
  relayUrl: string;
  email: string;
  userId: string;
  /** Teams that live on the relay. */
  teams: string[];
}

export interface Invite {
  code: string;
  team_id: string;
  role: Role;
  expires_at: number;
  max_uses: number | null;
}

/**
 * Fields left out are kept; `null` clears assignee or due.
 * The backend rejects unknown fields, so nothing else may go in here.
 */
export interface TaskPatch {
  title?: string;
  description?: string;
  assignee?: string | null;
  due?: string | null;
  priority?: Priority;
  labels?: string[];
}

export interface DocChangedPayload {
  docId: string;
  kind: string;
  teamId: string | null;
}

export const DOC_CHANGED_EVENT = 'doc-changed';

// ----- Chat -----

export type ConversationKind = 'channel' | 'private' | 'direct';

export interface Conversation {
  id: string;
  teamId: string;
  kind: ConversationKind;
  /** A channel's name; for a direct message, the other people's names. */
  name: string;
  /** User ids; empty for a public channel (the whole team). */
  members: string[];
  createdBy: string;
  createdAt: number;
  /** Messages by others after my read marker. */
  unread: number;
  /** Of those, the ones that mention me or @channel. */
  unreadMentions: number;
  lastMessageAt: number | null;
  muted: boolean;
}

export interface Attachment {
  sha256: string;
  name: string;
  size: number;
  mime: string;
}

export interface Reaction {
  emoji: string;
  users: string[];
}

export interface ChatMessage {
  id: string;
  conversationId: string;
  author: string;
  authorName: string;
  /** '' once deleted. */
  body: string;
  createdAt: number;
  editedAt: number | null;
  deleted: boolean;
  /** The thread's root message. */
  replyTo: string | null;
  /** For a root: replies in its thread. */
  replyCount: number;
  /** User ids, and 'channel' for @channel. */
  mentions: string[];
  attachments: Attachment[];
  reactions: Reaction[];
  /** Saved here, not yet acknowledged by the relay. */
  pending: boolean;
}

export interface MessagePage {
  /** Thread roots and plain messages, oldest first. */
  messages: ChatMessage[];
  /** Pass `before: messages[0].createdAt` for the page above. */
  hasOlder: boolean;
  /** My read marker (ms), 0 if never read. */
  readAt: number;
  firstUnreadId: string | null;
}

export interface MessageEdit {
  body: string;
  editedAt: number;
}

/** `snippet` wraps matched words in \u0002 … \u0003, as for tasks. */
export interface MessageHit {
  messageId: string;
  conversationId: string;
  teamId: string;
  author: string;
  authorName: string;
  createdAt: number;
  snippet: string;
}

export type PresenceState = 'online' | 'idle' | 'offline';

export interface Presence {
  userId: string;
  state: PresenceState;
}

export interface ChatNotification {
  messageId: string;
  conversationId: string;
  teamId: string;
  kind: 'mention' | 'direct';
  author: string;
  authorName: string;
  body: string;
  createdAt: number;
  read: boolean;
}

/** dndStart / dndEnd are 'HH:MM' in local time. */
export interface NotificationSettings {
  muted: string[];
  dndStart: string | null;
  dndEnd: string | null;
}

/** Narrowing filters of message_search; every one given narrows. */
export interface MessageSearchFilters {
  teamId?: string | null;
  conversationId?: string | null;
  author?: string | null;
  /** Milliseconds since the epoch. */
  after?: number | null;
  before?: number | null;
}

export interface LiveSignalPayload {
  /** 'read' (a read receipt: someone's read marker moved) is sent by the shell but not in docs/ipc.md yet. */
  kind: 'presence' | 'typing' | 'read';
  teamId: string;
  conversationId: string | null;
  userId: string;
}

export interface TransferProgressPayload {
  sha256: string;
  name: string;
  done: number;
  total: number;
}

export interface NotificationClickedPayload {
  conversationId: string;
  messageId: string;
  teamId: string;
}

export const LIVE_SIGNAL_EVENT = 'live-signal';
export const TRANSFER_PROGRESS_EVENT = 'transfer-progress';
export const NOTIFICATION_CLICKED_EVENT = 'notification-clicked';

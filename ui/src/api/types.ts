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

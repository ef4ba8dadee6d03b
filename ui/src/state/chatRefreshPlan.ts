import type { DocChangedPayload } from '../api';

export interface ChatShown {
  /** The open conversation and its team, if any. */
  conversationId: string | null;
  teamId: string | null;
}

export interface ChatRefreshPlan {
  /** The sidebar's channels and direct messages (names, unread counts). */
  conversations: boolean;
  /** The open conversation's messages, its thread and "Seen by". */
  messages: boolean;
  notifications: boolean;
}

/** Kinds whose changes can not alter anything the chat shows. */
const NOT_CHAT = new Set(['board', 'assessment', 'response', 'billing']);

/**
 * What a burst of doc-changed events makes stale in the chat. Chat documents
 * have kind `channel`; people's names (kind `user`) show on messages and name
 * direct messages; team documents say who is in public channels. Unknown kinds
 * are treated as touching everything.
 */
export function planChatRefresh(changes: readonly DocChangedPayload[], shown: ChatShown): ChatRefreshPlan {
  const plan: ChatRefreshPlan = { conversations: false, messages: false, notifications: false };
  const open = shown.conversationId !== null;
  for (const change of changes) {
    if (NOT_CHAT.has(change.kind)) continue;
    const known = ['channel', 'team', 'user'].includes(change.kind);
    plan.conversations = true;
    if (change.kind === 'channel' || change.kind === 'user' || !known) plan.notifications = true;
    const inShownTeam = change.teamId === null || change.teamId === shown.teamId || change.docId === shown.conversationId;
    if (open && (change.kind === 'user' || !known || (change.kind === 'channel' && inShownTeam))) plan.messages = true;
  }
  return plan;
}

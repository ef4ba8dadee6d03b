import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type ChatMessage } from '../api';
import { mergeNewest, prependOlder, upsertMessage } from '../lib/chat';
import { useCoalesced } from './useCoalesced';

export interface MessagesState {
  conversationId: string;
  /** Thread roots and plain messages, oldest first. */
  messages: ChatMessage[];
  hasOlder: boolean;
  /** False until the first page has arrived. */
  loaded: boolean;
  loadingOlder: boolean;
  /** Where "New messages" goes, as it was when the conversation was opened. */
  firstUnreadId: string | null;
  /** My read marker (ms) as the backend last said. */
  readAt: number;
}

export interface Messages extends MessagesState {
  /** Re-reads the newest messages (as many as are loaded), keeping older pages. */
  refresh: () => Promise<void>;
  /** Loads the page above the oldest loaded message; resolves false when there was none. */
  loadOlder: () => Promise<boolean>;
  /** Puts a command's answer on screen. Replies belong to threads, not here. */
  upsert: (message: ChatMessage) => void;
  /**
   * Loads older pages until the message is loaded. `createdAt`, when known,
   * stops the search once pages go past it. Resolves whether it is there.
   */
  reach: (messageId: string, createdAt?: number) => Promise<boolean>;
}

/** How many messages a refresh re-reads at most: edits further up wait for a reopen. */
const MAX_REFRESH = 500;
/** A jump never loads more than this many pages. */
const MAX_REACH_PAGES = 40;

const empty = (conversationId: string): MessagesState => ({
  conversationId,
  messages: [],
  hasOlder: false,
  loaded: false,
  loadingOlder: false,
  firstUnreadId: null,
  readAt: 0,
});

/**
 * The open conversation's messages, page by page. Answers for a conversation
 * that is no longer open are dropped.
 */
export function useMessages(conversationId: string, onError: (error: unknown) => void): Messages {
  const [state, setState] = useState<MessagesState>(() => empty(conversationId));
  // The newest state, ahead of rendering: async loops (reach) read it between awaits.
  const current = useRef(state);
  if (current.current.conversationId !== conversationId) current.current = empty(conversationId);
  const openId = useRef(conversationId);
  openId.current = conversationId;
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const olderInFlight = useRef<Promise<boolean> | null>(null);

  const update = useCallback((forId: string, change: (s: MessagesState) => MessagesState) => {
    if (openId.current !== forId) return;
    const base = current.current.conversationId === forId ? current.current : empty(forId);
    const next = change(base);
    current.current = next;
    setState(next);
  }, []);

  const readNewest = useCallback(async () => {
    const forId = openId.current;
    const loadedCount = current.current.messages.length;
    const limit = loadedCount > 50 ? Math.min(loadedCount, MAX_REFRESH) : undefined;
    try {
      const page = await api.messageList(forId, null, limit);
      update(forId, (s) => {
        const messages = mergeNewest(s.messages, page.messages, page.hasOlder);
        // Older pages loaded earlier stay, and so does what is known about above them.
        const keptOlder = messages.length > page.messages.length;
        return {
          ...s,
          messages,
          hasOlder: keptOlder ? s.hasOlder : page.hasOlder,
          loaded: true,
          // The divider stays where it was when the conversation opened.
          firstUnreadId: s.loaded ? s.firstUnreadId : page.firstUnreadId,
          readAt: page.readAt,
        };
      });
    } catch (error) {
      if (openId.current !== forId) return;
      update(forId, (s) => ({ ...s, loaded: true }));
      onErrorRef.current(error);
    }
  }, [update]);

  const { run: refresh, reset: forgetRefresh } = useCoalesced(readNewest);

  useEffect(() => {
    setState(empty(conversationId));
    current.current = empty(conversationId);
    forgetRefresh();
    olderInFlight.current = null;
    void refresh();
  }, [conversationId, refresh, forgetRefresh]);

  const loadOlder = useCallback((): Promise<boolean> => {
    if (olderInFlight.current) return olderInFlight.current;
    const s = current.current;
    const forId = s.conversationId;
    if (!s.loaded || !s.hasOlder || s.messages.length === 0) return Promise.resolve(false);
    const before = s.messages[0].createdAt;
    update(forId, (x) => ({ ...x, loadingOlder: true }));
    const run = api
      .messageList(forId, before)
      .then((page) => {
        update(forId, (x) => ({
          ...x,
          messages: prependOlder(x.messages, page.messages),
          // An empty page that still says "older" would have the list ask again
          // and again; stop here, and let a later refresh say there is more.
          hasOlder: page.hasOlder && page.messages.length > 0,
          loadingOlder: false,
        }));
        return page.messages.length > 0;
      })
      .catch((error: unknown) => {
        update(forId, (x) => ({ ...x, loadingOlder: false }));
        if (openId.current === forId) onErrorRef.current(error);
        return false;
      })
      .finally(() => {
        if (olderInFlight.current === run) olderInFlight.current = null;
      });
    olderInFlight.current = run;
    return run;
  }, [update]);

  const upsert = useCallback(
    (message: ChatMessage) => {
      if (message.replyTo !== null) return;
      update(message.conversationId, (s) => ({ ...s, messages: upsertMessage(s.messages, message) }));
    },
    [update],
  );

  const reach = useCallback(
    async (messageId: string, createdAt?: number) => {
      const forId = openId.current;
      if (!current.current.loaded) await refresh();
      for (let page = 0; page < MAX_REACH_PAGES; page += 1) {
        if (openId.current !== forId) return false;
        const s = current.current;
        if (s.messages.some((m) => m.id === messageId)) return true;
        if (!s.hasOlder) return false;
        if (createdAt !== undefined && s.messages.length > 0 && s.messages[0].createdAt < createdAt) return false;
        if (!(await loadOlder())) return false;
      }
      return current.current.messages.some((m) => m.id === messageId);
    },
    [refresh, loadOlder],
  );

  const shown = state.conversationId === conversationId ? state : empty(conversationId);
  return { ...shown, refresh, loadOlder, upsert, reach };
}

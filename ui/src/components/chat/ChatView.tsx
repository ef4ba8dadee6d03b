import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  api,
  hasCode,
  LIVE_SIGNAL_EVENT,
  type AppError,
  type Attachment,
  type ChatMessage,
  type Conversation,
  type Identity,
  type LiveSignalPayload,
  type Member,
  type PresenceState,
  type TeamSummary,
} from '../../api';
import { buildRows } from '../../lib/chat';
import { planChatRefresh } from '../../state/chatRefreshPlan';
import { useToasts } from '../../state/toasts';
import { TransfersProvider } from '../../state/transfers';
import { useChatActions } from '../../state/useChatActions';
import { useDocChanged } from '../../state/useDocChanged';
import { useMessages } from '../../state/useMessages';
import { useResource } from '../../state/useResource';
import { useTauriEvent } from '../../state/useTauriEvent';
import { useTyping } from '../../state/useTyping';
import { ChatHeader } from './ChatHeader';
import { Composer } from './Composer';
import { MessageList, type MessageListHandle, type MessageRowOf } from './MessageList';
import { MessageRow, type MessageHandlers } from './MessageRow';
import { ThreadPanel } from './ThreadPanel';
import { TypingIndicator } from './TypingIndicator';
import './ChatView.css';

/** A message to scroll to and highlight; a new token asks again for the same message. */
export interface MessageFocus {
  messageId: string;
  /** When known, stops the search for it once older pages pass this time. */
  createdAt?: number;
  token: number;
}

interface ChatViewProps {
  conversation: Conversation;
  team: TeamSummary;
  members: Member[];
  identity: Identity | undefined;
  presence: ReadonlyMap<string, PresenceState>;
  focus: MessageFocus | null;
  /** The conversation was marked read: unread counts and notifications are stale. */
  onRead: () => void;
}

/** How long a message found by search or a notification stays highlighted. */
export const HIGHLIGHT_MS = 4000;
/** How often the open conversation is re-read while a message of it waits for the relay. */
export const PENDING_RECHECK_MS = 3000;
/** Threads looked into when a message to show is not a thread root. */
const THREADS_TO_SEARCH = 10;

export function ChatView(props: ChatViewProps) {
  return (
    <TransfersProvider>
      <OpenConversation key={props.conversation.id} {...props} />
    </TransfersProvider>
  );
}

function OpenConversation({ conversation, team, members, identity, presence, focus, onRead }: ChatViewProps) {
  const { showError } = useToasts();
  const me = identity?.userId;
  const conversationId = conversation.id;
  const messages = useMessages(conversationId, showError);
  const messagesRef = useRef(messages.messages);
  messagesRef.current = messages.messages;
  const listRef = useRef<MessageListHandle>(null);
  const [threadRoot, setThreadRoot] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<string | null>(null);

  const onThreadError = useCallback(
    (error: AppError) => {
      showError(error);
      if (hasCode(error, 'not_found')) setThreadRoot(null);
    },
    [showError],
  );
  const thread = useResource(
    threadRoot && `thread:${conversationId}:${threadRoot}`,
    () => (threadRoot ? api.messageThread(conversationId, threadRoot) : Promise.reject(new Error('no thread open'))),
    onThreadError,
  );

  const { upsert, refresh: refreshMessages } = messages;
  const { mutate: mutateThread, reload: reloadThread } = thread;
  const apply = useCallback(
    (message: ChatMessage) => {
      upsert(message);
      mutateThread((list) => {
        if (list.some((m) => m.id === message.id)) return list.map((m) => (m.id === message.id ? message : m));
        return list[0] && message.replyTo === list[0].id ? [...list, message] : list;
      });
    },
    [upsert, mutateThread],
  );
  const refreshAll = useCallback(() => {
    void refreshMessages();
    void reloadThread();
  }, [refreshMessages, reloadThread]);
  const actions = useChatActions(conversationId, apply, refreshAll);

  const memberMap = useMemo(() => new Map(members.map((m) => [m.userId, m])), [members]);
  const nameOf = useCallback(
    (userId: string) => (userId === me && identity ? identity.name : memberMap.get(userId)?.name ?? 'Someone'),
    [me, identity, memberMap],
  );
  const manages = conversation.kind !== 'direct' && (team.role === 'owner' || team.role === 'manager');
  const canDelete = useCallback((m: ChatMessage) => m.author === me || manages, [me, manages]);

  const { react, edit, remove } = actions;
  const threadHandlers = useMemo<MessageHandlers>(
    () => ({
      react: (m, emoji) => void react(m, emoji),
      edit,
      remove: (m) => void remove(m),
    }),
    [react, edit, remove],
  );
  const handlers = useMemo<MessageHandlers>(
    () => ({ ...threadHandlers, reply: (m) => setThreadRoot(m.replyTo ?? m.id) }),
    [threadHandlers],
  );

  // "Seen by" goes under my newest message that others could have read.
  const myLast = useMemo(() => {
    for (let i = messages.messages.length - 1; i >= 0; i -= 1) {
      const m = messages.messages[i];
      if (m.author === me && !m.deleted && !m.pending) return m;
    }
    return null;
  }, [messages.messages, me]);
  const seen = useResource(myLast && `seen:${conversationId}:${myLast.id}`, () =>
    myLast ? api.messageSeenBy(conversationId, myLast.id) : Promise.resolve([]),
  );
  const seenByOthers = useMemo(() => (seen.data ?? []).filter((u) => u !== me), [seen.data, me]);

  useDocChanged((changes) => {
    const plan = planChatRefresh(changes, { conversationId, teamId: conversation.teamId });
    if (!plan.messages) return;
    void messages.refresh();
    void thread.reload();
    void seen.reload();
  });

  // The relay's acknowledgement of a pending message need not change any
  // document here, so while something is pending, look again now and then.
  const hasPending = messages.messages.some((m) => m.pending) || (thread.data ?? []).some((m) => m.pending);
  useEffect(() => {
    if (!hasPending) return;
    const timer = setInterval(() => {
      void refreshMessages();
      void reloadThread();
    }, PENDING_RECHECK_MS);
    return () => clearInterval(timer);
  }, [hasPending, refreshMessages, reloadThread]);

  // Someone read further: "Seen by" may have grown.
  useTauriEvent<LiveSignalPayload>(LIVE_SIGNAL_EVENT, (signal) => {
    if (signal.kind === 'read' && (signal.conversationId === conversationId || signal.conversationId === null)) {
      void seen.reload();
    }
  });

  const typing = useTyping(conversationId, me);

  // ----- read marker -----
  const [newestVisible, setNewestVisible] = useState(false);
  const markedAt = useRef(0);
  const markedKey = useRef('');
  const newest = messages.messages[messages.messages.length - 1];
  const markRead = useCallback(() => {
    if (!newest || !newestVisible || !document.hasFocus()) return;
    const key = `${newest.id}:${conversation.unread}`;
    const behind = newest.createdAt > Math.max(messages.readAt, markedAt.current);
    if (!behind && !(conversation.unread > 0 && markedKey.current !== key)) return;
    markedAt.current = Math.max(markedAt.current, newest.createdAt);
    markedKey.current = key;
    api
      .conversationMarkRead(conversationId)
      .then(onRead)
      .catch((error: unknown) => showError(error));
  }, [newest, newestVisible, conversation.unread, messages.readAt, conversationId, onRead, showError]);
  const markReadRef = useRef(markRead);
  markReadRef.current = markRead;
  useEffect(() => markRead(), [markRead]);
  useEffect(() => {
    const onFocus = () => markReadRef.current();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, []);

  // ----- going to a message (search, notifications) -----
  const highlightTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flash = useCallback((messageId: string) => {
    setHighlight(messageId);
    if (highlightTimer.current) clearTimeout(highlightTimer.current);
    highlightTimer.current = setTimeout(() => setHighlight(null), HIGHLIGHT_MS);
  }, []);
  useEffect(
    () => () => {
      if (highlightTimer.current) clearTimeout(highlightTimer.current);
    },
    [],
  );

  const { reach } = messages;
  const focusToken = focus?.token;
  useEffect(() => {
    if (!focus) return;
    let cancelled = false;
    void (async () => {
      if (await reach(focus.messageId, focus.createdAt)) {
        if (cancelled) return;
        listRef.current?.scrollToRow(focus.messageId, 'center');
        flash(focus.messageId);
        return;
      }
      // Not a thread root: it may be a reply in one of the threads before it.
      const candidates = messagesRef.current
        .filter((m) => m.replyCount > 0 && (focus.createdAt === undefined || m.createdAt <= focus.createdAt))
        .reverse()
        .slice(0, THREADS_TO_SEARCH);
      for (const root of candidates) {
        const replies = await api.messageThread(conversationId, root.id).catch(() => []);
        if (cancelled) return;
        if (replies.some((m) => m.id === focus.messageId)) {
          setThreadRoot(root.id);
          listRef.current?.scrollToRow(root.id, 'center');
          flash(focus.messageId);
          return;
        }
      }
    })();
    return () => {
      cancelled = true;
    };
    // Only a new request (token) moves the view; the rest is read when it comes.
  }, [focusToken]);

  // ----- rendering -----
  const rows = useMemo(() => buildRows(messages.messages, messages.firstUnreadId), [messages.messages, messages.firstUnreadId]);
  const { loadOlder } = messages;
  const onLoadOlder = useCallback(() => void loadOlder(), [loadOlder]);
  const renderMessage = useCallback(
    (row: MessageRowOf) => (
      <MessageRow
        message={row.message}
        continued={row.continued}
        me={me}
        people={members}
        canDelete={canDelete(row.message)}
        highlighted={row.message.id === highlight}
        seenBy={myLast && row.message.id === myLast.id ? seenByOthers : null}
        handlers={handlers}
        nameOf={nameOf}
      />
    ),
    [me, members, canDelete, highlight, myLast, seenByOthers, handlers, nameOf],
  );

  const send = useCallback(
    async (body: string, attachments: Attachment[]) => {
      const sent = await actions.send({ body, attachments });
      if (sent) listRef.current?.scrollToBottom();
      return sent !== null;
    },
    [actions],
  );
  const reply = useCallback(
    async (body: string, attachments: Attachment[]) => {
      if (!threadRoot) return false;
      const sent = await actions.send({ body, attachments, replyTo: threadRoot });
      // The root's reply count changed.
      if (sent) void refreshMessages();
      return sent !== null;
    },
    [actions, threadRoot, refreshMessages],
  );

  const others = conversation.members.filter((u) => u !== me);
  const dmPresence = conversation.kind === 'direct' && others.length === 1 ? presence.get(others[0]) ?? 'offline' : null;
  const memberCount = conversation.kind === 'channel' && conversation.members.length === 0 ? team.memberCount : conversation.members.length;
  const placeholder = conversation.kind === 'direct' ? `Message ${conversation.name}` : `Message #${conversation.name}`;

  return (
    <div className="chat" data-testid="chat-view" data-conversation-id={conversationId}>
      <section className="chat__main" aria-label={conversation.name}>
        <ChatHeader conversation={conversation} memberCount={memberCount} presence={dmPresence} />
        <MessageList
          ref={listRef}
          rows={rows}
          loaded={messages.loaded}
          hasOlder={messages.hasOlder}
          loadingOlder={messages.loadingOlder}
          onLoadOlder={onLoadOlder}
          renderMessage={renderMessage}
          onNewestVisible={setNewestVisible}
        />
        <TypingIndicator names={typing.map(nameOf)} />
        <Composer
          conversationId={conversationId}
          draftKey={conversationId}
          members={members}
          me={me}
          label={`Message ${conversation.name}`}
          placeholder={placeholder}
          onSend={send}
          inputTestId="chat-composer"
          sendTestId="chat-send"
          autoFocus
        />
      </section>
      {threadRoot && (
        <ThreadPanel
          conversationId={conversationId}
          conversationName={conversation.kind === 'direct' ? conversation.name : `#${conversation.name}`}
          rootId={threadRoot}
          messages={thread.data}
          members={members}
          me={me}
          canDelete={canDelete}
          handlers={threadHandlers}
          nameOf={nameOf}
          highlightId={highlight}
          onSend={reply}
          onClose={() => setThreadRoot(null)}
        />
      )}
    </div>
  );
}

import { useEffect, useId, useRef } from 'react';
import type { Attachment, ChatMessage, Member } from '../../api';
import { CloseIcon } from '../icons';
import { Composer } from './Composer';
import { MessageRow, type MessageHandlers } from './MessageRow';
import './ThreadPanel.css';

interface ThreadPanelProps {
  conversationId: string;
  conversationName: string;
  rootId: string;
  /** The root, then its replies; undefined while loading. */
  messages: ChatMessage[] | undefined;
  members: Member[];
  me: string | undefined;
  canDelete: (message: ChatMessage) => boolean;
  handlers: MessageHandlers;
  nameOf: (userId: string) => string;
  highlightId: string | null;
  onSend: (body: string, attachments: Attachment[]) => Promise<boolean>;
  onClose: () => void;
}

/** A message's thread beside the conversation, with its own composer that replies to the root. */
export function ThreadPanel({
  conversationId,
  conversationName,
  rootId,
  messages,
  members,
  me,
  canDelete,
  handlers,
  nameOf,
  highlightId,
  onSend,
  onClose,
}: ThreadPanelProps) {
  const headingId = useId();
  const endRef = useRef<HTMLDivElement>(null);
  const [root, ...replies] = messages ?? [];
  const count = replies.length;

  // New replies come in at the bottom; follow them.
  useEffect(() => {
    endRef.current?.scrollIntoView?.({ block: 'end' });
  }, [count]);

  const row = (message: ChatMessage) => (
    <MessageRow
      key={message.id}
      message={message}
      continued={false}
      me={me}
      people={members}
      canDelete={canDelete(message)}
      highlighted={message.id === highlightId}
      seenBy={null}
      handlers={handlers}
      nameOf={nameOf}
      testIdPrefix="thread-message"
    />
  );

  return (
    <aside
      className="panel thread"
      data-testid="thread-panel"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className="panel__bar thread__bar">
        <div className="thread__title">
          <h2 id={headingId} className="thread__heading">
            Thread
          </h2>
          <span className="thread__where">{conversationName}</span>
        </div>
        <button type="button" className="icon-button" aria-label="Close thread" title="Close (Esc)" onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      <div className="thread__body">
        {root ? (
          <>
            {row(root)}
            <div className="thread__count" role="separator">
              {count} {count === 1 ? 'reply' : 'replies'}
            </div>
            {replies.map(row)}
          </>
        ) : (
          <div className="panel__loading" aria-busy="true">
            <span className="skeleton" />
            <span className="skeleton" />
          </div>
        )}
        <div ref={endRef} />
      </div>
      <Composer
        key={rootId}
        conversationId={conversationId}
        draftKey={`${conversationId}:${rootId}`}
        members={members}
        me={me}
        label="Reply"
        placeholder="Reply…"
        onSend={onSend}
        inputTestId="thread-composer"
        sendTestId="thread-send"
        autoFocus
      />
    </aside>
  );
}

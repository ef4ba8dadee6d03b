import { memo, useState } from 'react';
import type { ChatMessage, Member } from '../../api';
import { clockTime } from '../../lib/chat';
import { formatFull } from '../../lib/dates';
import { Avatar } from '../Avatar';
import { ClockIcon, PencilIcon, ThreadIcon, TrashIcon } from '../icons';
import { AttachmentChip } from './AttachmentChip';
import { EditedMark } from './EditedMark';
import { MessageBody } from './MessageBody';
import { MessageEditor } from './MessageEditor';
import { ReactionBar, ReactionPicker } from './ReactionBar';
import './MessageRow.css';

export interface MessageHandlers {
  react: (message: ChatMessage, emoji: string) => void;
  /** Opens the message's thread. */
  reply?: (message: ChatMessage) => void;
  edit: (message: ChatMessage, body: string) => Promise<boolean>;
  remove: (message: ChatMessage) => void;
}

interface MessageRowProps {
  message: ChatMessage;
  /** Follows its author's previous message closely: no avatar and name. */
  continued: boolean;
  me: string | undefined;
  people: Member[];
  canDelete: boolean;
  highlighted: boolean;
  /** "Seen by N" under my last message; null elsewhere. */
  seenBy: string[] | null;
  handlers: MessageHandlers;
  nameOf: (userId: string) => string;
  /** Rows in the thread panel say `thread-message-<id>`, so `message-<id>` stays unique. */
  testIdPrefix?: string;
}

/** One message: author and time, body with mentions, attachments, reactions, thread link and actions. */
export const MessageRow = memo(function MessageRow({
  message,
  continued,
  me,
  people,
  canDelete,
  highlighted,
  seenBy,
  handlers,
  nameOf,
  testIdPrefix = 'message',
}: MessageRowProps) {
  const [editing, setEditing] = useState(false);
  const mine = message.author === me;
  const time = (
    <time
      className="message__time"
      dateTime={new Date(message.createdAt).toISOString()}
      title={formatFull(message.createdAt)}
    >
      {clockTime(message.createdAt)}
    </time>
  );
  const classes = [
    'message',
    continued ? 'message--continued' : '',
    message.pending ? 'is-pending' : '',
    message.deleted ? 'is-deleted' : '',
    highlighted ? 'is-highlighted' : '',
    mine ? 'is-mine' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div
      className={classes}
      data-testid={`${testIdPrefix}-${message.id}`}
      data-message-id={message.id}
      data-pending={message.pending || undefined}
      data-deleted={message.deleted || undefined}
      data-highlighted={highlighted || undefined}
    >
      <div className="message__gutter">
        {continued ? time : <Avatar id={message.author} name={message.authorName} size="md" decorative />}
      </div>
      <div className="message__main">
        {!continued && (
          <div className="message__head">
            <span className="message__author" data-testid="msg-author">
              {message.authorName}
            </span>
            {time}
          </div>
        )}
        {message.deleted ? (
          <p className="message__body message__tombstone" data-testid="message-body">
            <span data-testid="msg-tombstone">This message was deleted</span>
          </p>
        ) : editing ? (
          <MessageEditor
            initial={message.body}
            onSave={(body) => handlers.edit(message, body)}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <p className="message__body">
            <span data-testid="message-body">
              <MessageBody body={message.body} people={people} me={me} />
            </span>
            {message.editedAt !== null && (
              <>
                {' '}
                <EditedMark conversationId={message.conversationId} messageId={message.id} editedAt={message.editedAt} />
              </>
            )}
            {message.pending && (
              <span className="message__pending" data-testid="msg-pending" title="Saved here, not delivered yet">
                <ClockIcon size={12} />
                <span className="visually-hidden">Not delivered yet</span>
              </span>
            )}
          </p>
        )}
        {!message.deleted && message.attachments.length > 0 && (
          <div className="message__attachments">
            {message.attachments.map((a) => (
              <AttachmentChip key={a.sha256} conversationId={message.conversationId} attachment={a} />
            ))}
          </div>
        )}
        {!message.deleted && (
          <ReactionBar
            reactions={message.reactions}
            me={me}
            nameOf={nameOf}
            onToggle={(emoji) => handlers.react(message, emoji)}
          />
        )}
        {message.replyCount > 0 && handlers.reply && (
          <button
            type="button"
            className="message__replies"
            data-testid="msg-replies"
            onClick={() => handlers.reply?.(message)}
          >
            {message.replyCount} {message.replyCount === 1 ? 'reply' : 'replies'}
          </button>
        )}
        {seenBy && seenBy.length > 0 && (
          <span className="message__seen" data-testid="msg-seen-by" title={seenBy.map(nameOf).join(', ')}>
            Seen by {seenBy.length}
          </span>
        )}
      </div>
      {!message.deleted && !editing && (
        <div className="message__actions" role="toolbar" aria-label="Message actions">
          <ReactionPicker onPick={(emoji) => handlers.react(message, emoji)} />
          {handlers.reply && (
            <button
              type="button"
              className="icon-button icon-button--sm"
              data-testid="msg-reply"
              aria-label="Reply in thread"
              title="Reply in thread"
              onClick={() => handlers.reply?.(message)}
            >
              <ThreadIcon size={14} />
            </button>
          )}
          {mine && (
            <button
              type="button"
              className="icon-button icon-button--sm"
              data-testid="msg-edit"
              aria-label="Edit message"
              title="Edit"
              onClick={() => setEditing(true)}
            >
              <PencilIcon size={14} />
            </button>
          )}
          {canDelete && (
            <button
              type="button"
              className="icon-button icon-button--sm icon-button--danger"
              data-testid="msg-delete"
              aria-label="Delete message"
              title="Delete"
              onClick={() => handlers.remove(message)}
            >
              <TrashIcon size={14} />
            </button>
          )}
        </div>
      )}
    </div>
  );
});

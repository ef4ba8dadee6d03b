import type { Conversation, PresenceState } from '../../api';
import { HashIcon, LockIcon } from '../icons';
import { PresenceDot } from './PresenceDot';

interface ConversationItemProps {
  conversation: Conversation;
  current: boolean;
  /** For a direct message: the other person's presence (anyone's online wins in a group). */
  presence: PresenceState | null;
  onOpen: () => void;
}

/** A channel or direct message in the sidebar: bold with a count while unread, "@n" for mentions. */
export function ConversationItem({ conversation: c, current, presence, onOpen }: ConversationItemProps) {
  const unread = c.unread > 0 && !c.muted;
  const description = [
    c.unread > 0 ? `${c.unread} unread` : null,
    c.unreadMentions > 0 ? `${c.unreadMentions} ${c.unreadMentions === 1 ? 'mention' : 'mentions'}` : null,
    c.muted ? 'muted' : null,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <li className={`conversation-row${current ? ' is-current' : ''}`}>
      <button
        type="button"
        className={`row-button conversation-item${unread ? ' is-unread' : ''}${c.muted ? ' is-muted' : ''}`}
        data-testid={`conversation-${c.id}`}
        data-kind={c.kind}
        data-unread={c.unread}
        aria-current={current ? 'page' : undefined}
        title={description ? `${c.name} (${description})` : c.name}
        onClick={onOpen}
      >
        <span className="conversation-item__icon" aria-hidden="true">
          {c.kind === 'channel' ? (
            <HashIcon size={14} />
          ) : c.kind === 'private' ? (
            <LockIcon size={14} />
          ) : (
            <PresenceDot state={presence ?? 'offline'} />
          )}
        </span>
        <span className="row-button__label" data-testid="conversation-name">
          {c.name}
        </span>
        {c.unreadMentions > 0 && (
          <span
            className="row-button__count conversation-item__mentions"
            data-testid="mention-badge"
            aria-label={`${c.unreadMentions} ${c.unreadMentions === 1 ? 'mention' : 'mentions'}`}
          >
            @{c.unreadMentions}
          </span>
        )}
        {unread && (
          <span className="row-button__count conversation-item__badge" data-testid="unread-badge" aria-label={`${c.unread} unread`}>
            {c.unread}
          </span>
        )}
      </button>
    </li>
  );
}

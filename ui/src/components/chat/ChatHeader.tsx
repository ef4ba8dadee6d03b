import type { Conversation, PresenceState } from '../../api';
import { HashIcon, LockIcon } from '../icons';
import { PresenceDot } from './PresenceDot';

interface ChatHeaderProps {
  conversation: Conversation;
  /** How many people are in it (a public channel has the whole team). */
  memberCount: number;
  /** For a direct message with one other person: their presence. */
  presence: PresenceState | null;
}

export function ChatHeader({ conversation, memberCount, presence }: ChatHeaderProps) {
  return (
    <header className="chat-header">
      <span className="chat-header__kind" aria-hidden="true">
        {conversation.kind === 'channel' ? (
          <HashIcon />
        ) : conversation.kind === 'private' ? (
          <LockIcon />
        ) : (
          presence && <PresenceDot state={presence} />
        )}
      </span>
      <h1 className="chat-header__name" data-testid="chat-title">
        {conversation.name}
      </h1>
      <span className="chat-header__members" data-testid="chat-member-count">
        {memberCount} {memberCount === 1 ? 'member' : 'members'}
      </span>
      {conversation.muted && <span className="chat-header__muted">Muted</span>}
    </header>
  );
}

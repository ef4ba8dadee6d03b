import { useEffect, useState } from 'react';
import type { Conversation, Member, PresenceState } from '../../api';
import { PlusIcon } from '../icons';
import { ConversationItem } from './ConversationItem';
import { NewChannelForm } from './NewChannelForm';
import { NewDirectForm } from './NewDirectForm';
import './TeamChat.css';

interface TeamChatProps {
  teamId: string;
  /** The selected team offers "+" for a new channel and a new direct message. */
  selected: boolean;
  conversations: Conversation[] | undefined;
  presence: ReadonlyMap<string, PresenceState>;
  me: string | undefined;
  /** The selected team's members (member_list). */
  members: Member[];
  openConversationId: string | null;
  onOpen: (teamId: string, conversationId: string) => void;
  onCreateChannel: (teamId: string, name: string, isPrivate: boolean, members: string[]) => Promise<boolean>;
  onOpenDirect: (teamId: string, members: string[]) => Promise<boolean>;
}

/** A team's channels and direct messages in the sidebar. */
export function TeamChat({
  teamId,
  selected,
  conversations,
  presence,
  me,
  members,
  openConversationId,
  onOpen,
  onCreateChannel,
  onOpenDirect,
}: TeamChatProps) {
  const [form, setForm] = useState<'channel' | 'direct' | null>(null);
  useEffect(() => {
    if (!selected) setForm(null);
  }, [selected]);

  const list = conversations ?? [];
  const channels = list.filter((c) => c.kind !== 'direct');
  const directs = list.filter((c) => c.kind === 'direct');
  if (!selected && list.length === 0) return null;
  const others = members.filter((m) => m.userId !== me);

  const presenceOf = (c: Conversation): PresenceState => {
    const states = c.members.filter((u) => u !== me).map((u) => presence.get(u) ?? 'offline');
    if (states.includes('online')) return 'online';
    if (states.includes('idle')) return 'idle';
    return 'offline';
  };

  const item = (c: Conversation) => (
    <ConversationItem
      key={c.id}
      conversation={c}
      current={c.id === openConversationId}
      presence={c.kind === 'direct' ? presenceOf(c) : null}
      onOpen={() => onOpen(teamId, c.id)}
    />
  );

  const section = (kind: 'channel' | 'direct') => {
    const shown = kind === 'channel' ? channels : directs;
    // Other teams show only what they have; the selected one offers "+" even when empty.
    if (!selected && shown.length === 0) return null;
    const title = kind === 'channel' ? 'Channels' : 'Direct messages';
    const addLabel = kind === 'channel' ? 'New channel' : 'New direct message';
    return (
      <>
        <div className="team-chat__heading">
          <h3 className="team-chat__title">{title}</h3>
          {selected && (
            <button
              type="button"
              className="icon-button icon-button--sm"
              data-testid={kind === 'channel' ? 'new-channel-button' : 'new-direct-button'}
              aria-label={addLabel}
              title={addLabel}
              aria-expanded={form === kind}
              onClick={() => setForm((f) => (f === kind ? null : kind))}
            >
              <PlusIcon size={14} />
            </button>
          )}
        </div>
        {selected && form === kind && (
          <div className="sidebar__form sidebar__form--nested">
            {kind === 'channel' ? (
              <NewChannelForm
                members={others}
                onSubmit={async (name, isPrivate, picked) => {
                  const ok = await onCreateChannel(teamId, name, isPrivate, picked);
                  if (ok) setForm(null);
                  return ok;
                }}
                onCancel={() => setForm(null)}
              />
            ) : (
              <NewDirectForm
                members={others}
                onSubmit={async (picked) => {
                  const ok = await onOpenDirect(teamId, picked);
                  if (ok) setForm(null);
                  return ok;
                }}
                onCancel={() => setForm(null)}
              />
            )}
          </div>
        )}
        {shown.length > 0 && (
          <ul className="conversation-list" aria-label={title}>
            {shown.map(item)}
          </ul>
        )}
      </>
    );
  };

  return (
    <div className="team-chat" data-testid="team-chat" data-team-id={teamId}>
      {section('channel')}
      {section('direct')}
    </div>
  );
}

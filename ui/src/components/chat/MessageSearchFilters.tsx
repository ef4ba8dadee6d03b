import type { Conversation, Member } from '../../api';

export interface MessageFilters {
  conversationId: string;
  author: string;
  /** YYYY-MM-DD, inclusive; '' for no bound. */
  from: string;
  to: string;
}

export const NO_FILTERS: MessageFilters = { conversationId: '', author: '', from: '', to: '' };

interface MessageSearchFiltersProps {
  filters: MessageFilters;
  conversations: Conversation[];
  members: Member[];
  onChange: (filters: MessageFilters) => void;
}

/** Narrows a message search to one conversation, one author, or a span of days. */
export function MessageSearchFilters({ filters, conversations, members, onChange }: MessageSearchFiltersProps) {
  const set = (patch: Partial<MessageFilters>) => onChange({ ...filters, ...patch });
  const day = (bound: 'from' | 'to', label: string) => (
    <label className="search-filters__date">
      <span>{label}</span>
      <input
        className="input"
        type="date"
        aria-label={`${label} day`}
        data-testid={`search-filter-${bound}`}
        value={filters[bound]}
        onChange={(event) => set({ [bound]: event.target.value })}
      />
    </label>
  );
  return (
    <div className="search-filters" data-testid="chat-search-filters">
      <select
        className="select search-filters__select"
        aria-label="In conversation"
        data-testid="search-filter-conversation"
        value={filters.conversationId}
        onChange={(event) => set({ conversationId: event.target.value })}
      >
        <option value="">All conversations</option>
        {conversations.map((c) => (
          <option key={c.id} value={c.id}>
            {c.kind === 'direct' ? c.name : `#${c.name}`}
          </option>
        ))}
      </select>
      <select
        className="select search-filters__select"
        aria-label="From person"
        data-testid="search-filter-author"
        value={filters.author}
        onChange={(event) => set({ author: event.target.value })}
      >
        <option value="">Anyone</option>
        {members.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name}
          </option>
        ))}
      </select>
      {day('from', 'From')}
      {day('to', 'To')}
    </div>
  );
}

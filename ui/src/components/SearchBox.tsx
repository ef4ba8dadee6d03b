import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState } from 'react';
import { api, type Conversation, type Member, type MessageHit, type SearchHit } from '../api';
import { dayStartMs } from '../lib/chat';
import { relativeTime } from '../lib/dates';
import { STATUS_LABEL } from '../lib/status';
import { useToasts } from '../state/toasts';
import { MessageSearchFilters, NO_FILTERS, type MessageFilters } from './chat/MessageSearchFilters';
import { SearchIcon } from './icons';
import { ListboxOption } from './ListboxOption';
import { Snippet } from './Snippet';
import { StatusDot } from './StatusDot';
import './SearchBox.css';

export const SEARCH_DEBOUNCE_MS = 200;

export interface SearchBoxHandle {
  focus: () => void;
}

export type SearchMode = 'tasks' | 'messages';

/** What message search needs: the current team's conversations and people, and where a hit goes. */
export interface ChatSearch {
  conversations: Conversation[];
  members: Member[];
  onOpenMessage: (hit: MessageHit) => void;
}

interface SearchBoxProps {
  teamId: string | null;
  onOpen: (hit: SearchHit) => void;
  /** Given, the box can also search messages (message_search), with filters. */
  chat?: ChatSearch;
  /** The mode to switch to when this changes (messages while a conversation is open). */
  preferredMode?: SearchMode;
}

type Hits = { mode: 'tasks'; items: SearchHit[] } | { mode: 'messages'; items: MessageHit[] };

export const SearchBox = forwardRef<SearchBoxHandle, SearchBoxProps>(function SearchBox(
  { teamId, onOpen, chat, preferredMode = 'tasks' },
  ref,
) {
  const { showError } = useToasts();
  const [mode, setMode] = useState<SearchMode>(chat ? preferredMode : 'tasks');
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<MessageFilters>(NO_FILTERS);
  const [hits, setHits] = useState<Hits | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const latest = useRef(0);
  const listId = useId();

  useImperativeHandle(ref, () => ({
    focus: () => {
      inputRef.current?.focus();
      inputRef.current?.select();
    },
  }));

  const chatAvailable = chat !== undefined;
  // Only a change of preference switches; the person's own choice stays otherwise.
  useEffect(() => {
    if (chatAvailable) setMode(preferredMode);
  }, [preferredMode, chatAvailable]);

  // Filters name a team's conversations and people: another team starts afresh.
  useEffect(() => setFilters(NO_FILTERS), [teamId]);

  useEffect(() => {
    const trimmed = query.trim();
    const request = ++latest.current;
    if (!trimmed) {
      setHits(null);
      return;
    }
    const timer = setTimeout(() => {
      const search: Promise<Hits> =
        mode === 'tasks'
          ? api.taskSearch(trimmed, teamId).then((items) => ({ mode: 'tasks', items }))
          : api
              .messageSearch(trimmed, {
                teamId,
                conversationId: filters.conversationId || null,
                author: filters.author || null,
                after: filters.from ? dayStartMs(filters.from) : null,
                before: filters.to ? dayStartMs(filters.to, true) : null,
              })
              .then((items) => ({ mode: 'messages', items }));
      search
        .then((found) => {
          // Only the newest query may fill the list; slower older answers are dropped.
          if (request !== latest.current) return;
          setHits(found);
          setActive(0);
        })
        .catch((error: unknown) => {
          if (request === latest.current) showError(error);
        });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, teamId, mode, filters, showError]);

  const reset = () => {
    setOpen(false);
    setQuery('');
    setHits(null);
    inputRef.current?.blur();
  };

  const chooseTask = (hit: SearchHit) => {
    reset();
    onOpen(hit);
  };

  const chooseMessage = (hit: MessageHit) => {
    reset();
    chat?.onOpenMessage(hit);
  };

  const shown = hits && hits.mode === mode ? hits : null;
  const count = shown?.items.length ?? 0;
  const showFilters = open && mode === 'messages' && chat !== undefined;
  const showList = open && (shown !== null || showFilters);
  const activeIndex = count > 0 ? Math.min(active, count - 1) : -1;
  const optionId = (index: number) => `${listId}-${index}`;
  const chooseActive = () => {
    if (!shown || activeIndex < 0) return;
    if (shown.mode === 'tasks') chooseTask(shown.items[activeIndex]);
    else chooseMessage(shown.items[activeIndex]);
  };
  const conversationName = (id: string) => {
    const c = chat?.conversations.find((x) => x.id === id);
    if (!c) return '';
    return c.kind === 'direct' ? c.name : `#${c.name}`;
  };
  const label = mode === 'tasks' ? 'Search tasks' : 'Search messages';

  return (
    <div className="search-area">
      {chat && (
        <div className="search-mode" role="group" aria-label="Search in">
          {(['tasks', 'messages'] as const).map((m) => (
            <button
              key={m}
              type="button"
              className={`search-mode__button${mode === m ? ' is-active' : ''}`}
              data-testid={`search-mode-${m}`}
              aria-pressed={mode === m}
              onClick={() => {
                setMode(m);
                inputRef.current?.focus();
              }}
            >
              {m === 'tasks' ? 'Tasks' : 'Messages'}
            </button>
          ))}
        </div>
      )}
      <div
        className="search"
        onBlur={(event) => {
          // Moving between the field, the filters and the results keeps the list open.
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
        }}
      >
        <SearchIcon className="search__icon" />
        <input
          ref={inputRef}
          className="search__input"
          type="search"
          role="combobox"
          aria-label={label}
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList && activeIndex >= 0 ? optionId(activeIndex) : undefined}
          placeholder={label}
          data-testid="search-input"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              if (showList && query) setOpen(false);
              else {
                setQuery('');
                setOpen(false);
                inputRef.current?.blur();
              }
            } else if (event.key === 'ArrowDown' && count) {
              event.preventDefault();
              setOpen(true);
              setActive((i) => (i + 1) % count);
            } else if (event.key === 'ArrowUp' && count) {
              event.preventDefault();
              setActive((i) => (i - 1 + count) % count);
            } else if (event.key === 'Enter' && activeIndex >= 0 && showList) {
              event.preventDefault();
              chooseActive();
            }
          }}
        />
        <kbd className="search__hint" aria-hidden="true">
          /
        </kbd>
        {showList && (
          <div className="search__results">
            {showFilters && chat && (
              <MessageSearchFilters
                filters={filters}
                conversations={chat.conversations}
                members={chat.members}
                onChange={setFilters}
              />
            )}
            {shown && (
              <ul id={listId} role="listbox" aria-label="Search results">
                {count === 0 && (
                  <li className="search__empty" role="presentation">
                    No {mode === 'tasks' ? 'tasks' : 'messages'} match “{query.trim()}”
                  </li>
                )}
                {shown.mode === 'tasks'
                  ? shown.items.map((hit, i) => (
                      <ListboxOption
                        key={hit.taskId}
                        id={optionId(i)}
                        active={i === activeIndex}
                        className="search-result"
                        data-testid="search-result"
                        onActivate={() => setActive(i)}
                        onChoose={() => chooseTask(hit)}
                      >
                        <span className="search-result__head">
                          <StatusDot status={hit.status} />
                          <span className="search-result__title">{hit.title}</span>
                          <span className="search-result__status">{STATUS_LABEL[hit.status]}</span>
                        </span>
                        <span className="search-result__snippet">
                          <Snippet text={hit.snippet} />
                        </span>
                      </ListboxOption>
                    ))
                  : shown.items.map((hit, i) => (
                      <ListboxOption
                        key={hit.messageId}
                        id={optionId(i)}
                        active={i === activeIndex}
                        className="search-result"
                        data-testid="chat-search-result"
                        data-message-id={hit.messageId}
                        onActivate={() => setActive(i)}
                        onChoose={() => chooseMessage(hit)}
                      >
                        <span className="search-result__head">
                          <span className="search-result__title">{hit.authorName}</span>
                          <span className="search-result__status">
                            {conversationName(hit.conversationId)} · {relativeTime(hit.createdAt)}
                          </span>
                        </span>
                        <span className="search-result__snippet search-result__snippet--message">
                          <Snippet text={hit.snippet} />
                        </span>
                      </ListboxOption>
                    ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </div>
  );
});

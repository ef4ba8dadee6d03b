import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState } from 'react';
import { api, type SearchHit } from '../api';
import { STATUS_LABEL } from '../lib/status';
import { useToasts } from '../state/toasts';
import { SearchIcon } from './icons';
import { Snippet } from './Snippet';
import { StatusDot } from './StatusDot';
import './SearchBox.css';

export const SEARCH_DEBOUNCE_MS = 200;

export interface SearchBoxHandle {
  focus: () => void;
}

interface SearchBoxProps {
  teamId: string | null;
  onOpen: (hit: SearchHit) => void;
}

export const SearchBox = forwardRef<SearchBoxHandle, SearchBoxProps>(function SearchBox({ teamId, onOpen }, ref) {
  const { showError } = useToasts();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
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

  useEffect(() => {
    const trimmed = query.trim();
    const request = ++latest.current;
    if (!trimmed) {
      setHits(null);
      return;
    }
    const timer = setTimeout(() => {
      api
        .taskSearch(trimmed, teamId)
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
  }, [query, teamId, showError]);

  const choose = (hit: SearchHit) => {
    setOpen(false);
    setQuery('');
    setHits(null);
    inputRef.current?.blur();
    onOpen(hit);
  };

  const showList = open && hits !== null;
  const activeHit = showList && hits.length > 0 ? hits[Math.min(active, hits.length - 1)] : null;
  const optionId = (hit: SearchHit) => `${listId}-${hit.taskId}`;

  return (
    <div className="search">
      <SearchIcon className="search__icon" />
      <input
        ref={inputRef}
        className="search__input"
        type="search"
        role="combobox"
        aria-label="Search tasks"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeHit ? optionId(activeHit) : undefined}
        placeholder="Search tasks"
        data-testid="search-input"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            if (showList && query) setOpen(false);
            else {
              setQuery('');
              inputRef.current?.blur();
            }
          } else if (event.key === 'ArrowDown' && hits?.length) {
            event.preventDefault();
            setOpen(true);
            setActive((i) => (i + 1) % hits.length);
          } else if (event.key === 'ArrowUp' && hits?.length) {
            event.preventDefault();
            setActive((i) => (i - 1 + hits.length) % hits.length);
          } else if (event.key === 'Enter' && activeHit) {
            event.preventDefault();
            choose(activeHit);
          }
        }}
      />
      <kbd className="search__hint" aria-hidden="true">
        /
      </kbd>
      {showList && (
        <ul className="search__results" id={listId} role="listbox" aria-label="Search results">
          {hits.length === 0 && (
            <li className="search__empty" role="presentation">
              No tasks match “{query.trim()}”
            </li>
          )}
          {hits.map((hit) => (
            <li
              key={hit.taskId}
              id={optionId(hit)}
              role="option"
              aria-selected={hit === activeHit}
              className={`search-result${hit === activeHit ? ' is-active' : ''}`}
              data-testid="search-result"
              // Keep focus in the input so the blur does not close the list before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setActive(hits.indexOf(hit))}
              onClick={() => choose(hit)}
            >
              <span className="search-result__head">
                <StatusDot status={hit.status} />
                <span className="search-result__title">{hit.title}</span>
                <span className="search-result__status">{STATUS_LABEL[hit.status]}</span>
              </span>
              <span className="search-result__snippet">
                <Snippet text={hit.snippet} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});

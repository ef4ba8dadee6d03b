import { formatFull, relativeTime } from '../../lib/dates';
import './NewsEntry.css';

interface NewsEntryProps {
  title: string;
  url: string;
  source: string;
  /** Milliseconds since the epoch (null when the core could not read the provider's time). */
  at: number | null;
  summary: string | null;
}

/** One story: its headline linking to it, where and when it appeared, and its summary. */
export function NewsEntry({ title, url, source, at, summary }: NewsEntryProps) {
  return (
    <li className="news-entry">
      <a className="news-entry__title" href={url} target="_blank" rel="noreferrer">
        {title}
      </a>
      <span className="news-entry__meta">
        {source}
        {at !== null && Number.isFinite(at) && (
          <>
            {' · '}
            <time dateTime={new Date(at).toISOString()} title={formatFull(at)}>
              {relativeTime(at)}
            </time>
          </>
        )}
      </span>
      {summary && <p className="news-entry__summary">{summary}</p>}
    </li>
  );
}

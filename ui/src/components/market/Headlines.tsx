import { useEffect, useId, useState } from 'react';
import { api } from '../../api';
import { NEWS_CATEGORIES } from '../../lib/market';
import { useResourceWithError } from '../../state/useResourceWithError';
import { Loading } from '../assessments/Loading';
import { Sheet } from '../Sheet';
import { FreshnessLabel } from './FreshnessLabel';
import { MarketError } from './MarketError';
import { NewsEntry } from './NewsEntry';

/** Top headlines of one category, with how fresh they are. */
export function Headlines({ refreshes }: { refreshes: number }) {
  const [category, setCategory] = useState(NEWS_CATEGORIES[0][0]);
  const selectId = useId();
  const headlines = useResourceWithError(`headlines:${category}`, () => api.newsHeadlines(category));
  const { reload } = headlines;
  useEffect(() => {
    if (refreshes > 0) void reload();
  }, [refreshes, reload]);

  return (
    <Sheet titleId="headlines-title" title="Top headlines" className="headlines" testId="headlines">
      <div className="headlines__bar">
        <label htmlFor={selectId} className="visually-hidden">
          Category
        </label>
        <select id={selectId} className="select" data-testid="headlines-category" value={category} onChange={(e) => setCategory(e.target.value)}>
          {NEWS_CATEGORIES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        {headlines.data && <FreshnessLabel freshness={headlines.data.freshness} testId="headlines-freshness" />}
      </div>
      {headlines.error && <MarketError error={headlines.error} testId="headlines-error" />}
      {headlines.data ? (
        headlines.data.items.length === 0 ? (
          <p className="sheet__hint">No headlines right now.</p>
        ) : (
          <ul className="news-list" data-testid="headlines-items">
            {headlines.data.items.map((item, i) => (
              <NewsEntry key={`${i}:${item.url}`} title={item.title} url={item.url} source={item.source} at={item.publishedAt} summary={item.description} />
            ))}
          </ul>
        )
      ) : (
        !headlines.error && <Loading label="Loading headlines" />
      )}
    </Sheet>
  );
}

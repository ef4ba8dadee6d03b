import { useEffect } from 'react';
import { api } from '../../api';
import { NEWS_DAYS } from '../../lib/market';
import { useResourceWithError } from '../../state/useResourceWithError';
import { Loading } from '../assessments/Loading';
import { EmptyNote } from '../EmptyNote';
import { Sheet } from '../Sheet';
import { FreshnessLabel } from './FreshnessLabel';
import { MarketError } from './MarketError';
import { NewsEntry } from './NewsEntry';

interface CompanyNewsProps {
  /** The symbol picked in the watchlist, if any. */
  symbol: string | null;
  /** Counts the page's Refresh presses: each one reads the news again. */
  refreshes: number;
}

/** The picked symbol's company news of the last week, newest first, with how fresh it is. */
export function CompanyNews({ symbol, refreshes }: CompanyNewsProps) {
  const news = useResourceWithError(symbol && `news:${symbol}`, () => api.marketNews(symbol as string, NEWS_DAYS));
  const { reload } = news;
  useEffect(() => {
    if (refreshes > 0) void reload();
  }, [refreshes, reload]);

  let body;
  if (!symbol) {
    body = (
      <EmptyNote title="Pick a symbol" testId="company-news-none">
        Its company news of the last {NEWS_DAYS} days shows here.
      </EmptyNote>
    );
  } else if (!news.data) {
    body = news.error ? <MarketError error={news.error} testId="company-news-error" /> : <Loading label={`Loading news about ${symbol}`} />;
  } else {
    body = (
      <>
        <p className="news__freshness">
          <FreshnessLabel freshness={news.data.freshness} testId="company-news-freshness" />
        </p>
        {news.error && <MarketError error={news.error} testId="company-news-error" />}
        {news.data.items.length === 0 ? (
          <p className="sheet__hint">
            No news about {symbol} in the last {NEWS_DAYS} days.
          </p>
        ) : (
          <ul className="news-list" data-testid="company-news-items">
            {news.data.items.map((item, i) => (
              <NewsEntry key={`${i}:${item.url}`} title={item.headline} url={item.url} source={item.source} at={item.datetime * 1000} summary={item.summary} />
            ))}
          </ul>
        )}
      </>
    );
  }
  return (
    <Sheet titleId="company-news-title" title={symbol ? `News about ${symbol}` : 'Company news'} className="company-news" testId="company-news">
      {body}
    </Sheet>
  );
}

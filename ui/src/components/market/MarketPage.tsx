import { useEffect, useMemo, useState } from 'react';
import { api, type AppError, type TeamSummary, type WatchItem } from '../../api';
import { canManage } from '../../lib/assessments';
import { explainError } from '../../lib/errorText';
import { useToasts } from '../../state/toasts';
import { useAttempt } from '../../state/useAttempt';
import { useKindsChanged } from '../../state/useKindsChanged';
import { useResource } from '../../state/useResource';
import { useResourceWithError } from '../../state/useResourceWithError';
import { Loading } from '../assessments/Loading';
import { ScreenHeader } from '../assessments/ScreenHeader';
import { RefreshIcon } from '../icons';
import { CompanyNews } from './CompanyNews';
import { Headlines } from './Headlines';
import { MarketError } from './MarketError';
import { Watchlist } from './Watchlist';
import '../sheets.css';
import './MarketPage.css';

/** How often quotes are read again while the page is open. */
export const QUOTES_REFRESH_MS = 15_000;

/** A team's watchlist with its quotes, the picked symbol's company news, and top headlines. */
export function MarketPage({ team }: { team: TeamSummary }) {
  const { showError } = useToasts();
  const attempt = useAttempt();
  const editor = canManage(team.role);
  const [selected, setSelected] = useState<string | null>(null);
  const [refreshes, setRefreshes] = useState(0);
  const [refreshing, setRefreshing] = useState(false);

  const watchlist = useResource(`watchlist:${team.id}`, () => api.watchlistGet(team.id), (e) => showError(explainError(e)));
  // Failures show in place, above the last quotes seen: a refresh every 15 s must not pile up toasts.
  const quotes = useResourceWithError(`quotes:${team.id}`, () => api.marketQuotes(team.id));
  const { reload: reloadQuotes } = quotes;
  // The watchlist lives in the team document.
  useKindsChanged(['team'], team.id, () => {
    void watchlist.reload();
    void reloadQuotes();
  });
  useEffect(() => {
    const timer = window.setInterval(() => void reloadQuotes(), QUOTES_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reloadQuotes]);

  const items = useMemo(() => new Map<string, WatchItem>((quotes.data ?? []).map((i) => [i.symbol, i])), [quotes.data]);
  const symbols = watchlist.data ?? quotes.data?.map((i) => i.symbol);

  const refresh = async () => {
    setRefreshing(true);
    setRefreshes((n) => n + 1);
    await reloadQuotes();
    setRefreshing(false);
  };

  const add = async (symbol: string): Promise<AppError | null> => {
    try {
      const list = await api.watchlistAdd(team.id, symbol);
      watchlist.mutate(() => list);
      void reloadQuotes();
      return null;
    } catch (error) {
      void watchlist.reload();
      return explainError(error);
    }
  };

  const remove = (symbol: string) =>
    void attempt(async () => {
      const list = await api.watchlistRemove(team.id, symbol);
      watchlist.mutate(() => list);
      quotes.mutate((all) => all.filter((i) => i.symbol !== symbol));
      setSelected((s) => (s === symbol ? null : s));
    }, watchlist.reload);

  return (
    <section className="team-page market-page" data-testid="market-page" aria-label={`Markets for ${team.name}`}>
      <div className="team-page__inner">
        <ScreenHeader title="Markets" subtitle={`${team.name} · the team’s watchlist, its news and top headlines`}>
          <button type="button" className="button" data-testid="market-refresh" disabled={refreshing} onClick={() => void refresh()}>
            <RefreshIcon size={14} />
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </button>
        </ScreenHeader>
        {quotes.error && <MarketError error={quotes.error} testId="quotes-error" />}
        <div className="market-page__grid">
          <div className="market-page__main">
            {symbols ? (
              <Watchlist
                symbols={symbols}
                items={items}
                selected={selected}
                onSelect={setSelected}
                canEdit={editor}
                onAdd={add}
                onRemove={remove}
              />
            ) : (
              <Loading label="Loading the watchlist" />
            )}
            <Headlines refreshes={refreshes} />
          </div>
          <CompanyNews symbol={selected} refreshes={refreshes} />
        </div>
      </div>
    </section>
  );
}

import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { FakeBackend } from '../../dev/fakeBackend';
import { renderTeam, waitForCall, type TeamSeed } from '../../test/assessments';
import type { renderApp } from '../../test/renderApp';
import { QUOTES_REFRESH_MS } from './MarketPage';

type User = ReturnType<typeof renderApp>['user'];

/** Signed in to a relay with market data; the fake's clock stands still, so ages are exact. */
function onRelay(b: FakeBackend, s: TeamSeed) {
  b.signIn([s.teamId]);
}

async function openMarket(user: User) {
  await user.click(await screen.findByTestId('nav-market'));
  return screen.findByTestId('market-page');
}

describe('Markets: the watchlist', () => {
  it('adds a symbol upper-cased, checks it before sending, and removes it', async () => {
    const { backend, user, seed } = renderTeam(onRelay);
    await openMarket(user);
    expect(screen.getByTestId('board-title').textContent).toBe('Markets');
    expect(await screen.findByTestId('watchlist-empty')).toBeTruthy();
    const input = screen.getByTestId('watchlist-symbol-input') as HTMLInputElement;

    // Not a symbol: said in place, nothing sent.
    await user.type(input, 'brk b!');
    expect(input.value).toBe('BRK B!');
    await user.click(screen.getByTestId('watchlist-add'));
    expect(screen.getByTestId('watchlist-symbol-error').textContent).toBe('A symbol is 1–10 letters, digits, dots or dashes, like AAPL or BRK.B.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    await user.clear(input);
    await user.type(input, 'ABCDEFGHIJK{Enter}');
    expect(screen.getByTestId('watchlist-symbol-error')).toBeTruthy();
    expect(backend.callsOf('watchlist_add')).toEqual([]);

    await user.clear(input);
    expect(screen.queryByTestId('watchlist-symbol-error')).toBeNull();
    await user.type(input, 'aapl{Enter}');
    await waitForCall(backend, 'watchlist_add');
    expect(backend.callsOf('watchlist_add')).toEqual([{ teamId: seed.teamId, symbol: 'AAPL' }]);
    const row = await screen.findByTestId('watchlist-row-AAPL');
    await waitFor(() => expect(within(row).getByTestId('quote-price-AAPL').textContent).toMatch(/^\d{1,3}(,\d{3})*\.\d{2}$/));
    expect(input.value).toBe('');
    await user.type(input, 'brk.b{Enter}');
    await screen.findByTestId('watchlist-row-BRK.B');

    // Already there: said in place.
    await user.type(input, 'AAPL{Enter}');
    expect(screen.getByTestId('watchlist-symbol-error').textContent).toBe('AAPL is on the watchlist already.');
    expect(backend.callsOf('watchlist_add')).toHaveLength(2);

    await user.click(screen.getByTestId('watchlist-remove-AAPL'));
    await waitForCall(backend, 'watchlist_remove');
    expect(backend.callsOf('watchlist_remove')).toEqual([{ teamId: seed.teamId, symbol: 'AAPL' }]);
    await waitFor(() => expect(screen.queryByTestId('watchlist-row-AAPL')).toBeNull());
    expect(screen.getByTestId('watchlist-row-BRK.B')).toBeTruthy();
  });

  it('shows the core’s refusal of a symbol in place', async () => {
    const { user } = renderTeam((b, s) => {
      onRelay(b, s);
      b.failNext('watchlist_add', { code: 'invalid_input', message: 'a watchlist holds at most 30 symbols' });
    });
    await openMarket(user);
    await user.type(await screen.findByTestId('watchlist-symbol-input'), 'MSFT{Enter}');
    expect((await screen.findByTestId('watchlist-symbol-error')).textContent).toBe('a watchlist holds at most 30 symbols');
    expect(screen.queryByTestId('error-toast')).toBeNull();
  });

  it('lets members read the watchlist but not change it', async () => {
    const { user } = renderTeam((b, s) => {
      onRelay(b, s);
      b.setRole(s.teamId, s.ada, 'owner');
      b.setRole(s.teamId, b.me, 'member');
      b.market.watch(s.teamId, 'AAPL');
    });
    await openMarket(user);
    const row = await screen.findByTestId('watchlist-row-AAPL');
    await within(row).findByTestId('quote-price-AAPL');
    expect(screen.queryByTestId('watchlist-symbol-input')).toBeNull();
    expect(screen.queryByTestId('watchlist-remove-AAPL')).toBeNull();
    expect(screen.getByTestId('watchlist-read-only').textContent).toContain('Owners and managers choose');
  });
});

describe('Markets: quotes and their freshness', () => {
  it('says how fresh each quote is: updated, or stale while the provider fails', async () => {
    const now = Date.now();
    const { user } = renderTeam(
      (b, s) => {
        onRelay(b, s);
        b.market.watch(s.teamId, 'AAPL', 'MSFT', 'NVDA', 'TSLA');
        b.market.remember('AAPL', 12, { current: 230.5, change: 3, changePercent: 1.32 });
        b.market.remember('MSFT', 180, { current: 410, change: -5.2, changePercent: -1.25 });
        b.market.failSymbol('TSLA', { code: 'not_found', message: 'no quote for TSLA' });
        b.market.upstreamDown = true;
      },
      { now: () => now },
    );
    await openMarket(user);
    const aapl = await screen.findByTestId('watchlist-row-AAPL');
    await waitFor(() => expect(within(aapl).getByTestId('quote-freshness-AAPL').textContent).toBe('updated 12 s ago'));
    expect(within(aapl).getByTestId('quote-freshness-AAPL').dataset.tone).toBe('fresh');
    expect(within(aapl).getByTestId('quote-price-AAPL').textContent).toBe((230.5).toLocaleString(undefined, { minimumFractionDigits: 2 }));
    expect(within(aapl).getByTestId('quote-change-AAPL').dataset.direction).toBe('up');
    expect(within(aapl).getByTestId('quote-change-AAPL').textContent).toContain('+3.00 (+1.32%)');

    const msft = screen.getByTestId('watchlist-row-MSFT');
    expect(within(msft).getByTestId('quote-freshness-MSFT').textContent).toBe('stale · 3 min old');
    expect(within(msft).getByTestId('quote-freshness-MSFT').dataset.tone).toBe('stale');
    expect(within(msft).getByTestId('quote-change-MSFT').dataset.direction).toBe('down');
    expect(within(msft).getByTestId('quote-change-MSFT').className).toContain('watch-row__change--down');

    // Never fetched while the provider fails, and a symbol it refuses: their messages, quietly.
    expect(within(screen.getByTestId('watchlist-row-NVDA')).getByTestId('quote-error-NVDA').textContent).toBe(
      'the market data provider failed, and nothing was cached yet',
    );
    expect(within(screen.getByTestId('watchlist-row-TSLA')).getByTestId('quote-error-TSLA').textContent).toBe('no quote for TSLA');
  });

  it('shows the last values seen when offline, and when they were seen', async () => {
    const now = Date.now();
    const { user } = renderTeam(
      (b, s) => {
        onRelay(b, s);
        b.market.watch(s.teamId, 'AAPL', 'NVDA');
        b.market.remember('AAPL', 2 * 3600);
        b.market.offline = true;
      },
      { now: () => now },
    );
    await openMarket(user);
    const freshness = await screen.findByTestId('quote-freshness-AAPL');
    expect(freshness.textContent).toBe('offline · last seen 2 h ago');
    expect(freshness.dataset.tone).toBe('offline');
    expect(screen.getByTestId('quote-price-AAPL')).toBeTruthy();
    expect(screen.getByTestId('quote-error-NVDA').textContent).toBe('the relay cannot be reached, and nothing was seen here yet');
  });

  it('says so in place when the relay has no market data, or asks too often', async () => {
    const { backend, user } = renderTeam((b, s) => {
      onRelay(b, s);
      b.market.watch(s.teamId, 'AAPL');
      b.market.available = false;
    });
    await openMarket(user);
    const error = await screen.findByTestId('quotes-error');
    expect(error.dataset.code).toBe('market_unavailable');
    expect(error.textContent).toBe('This relay has no market data set up.');
    // The watchlist still shows, from the team document.
    expect(screen.getByTestId('watchlist-row-AAPL')).toBeTruthy();

    backend.market.available = true;
    backend.failNext('market_quotes', { code: 'rate_limited', message: 'slow down' });
    await user.click(screen.getByTestId('market-refresh'));
    await waitFor(() => expect(screen.getByTestId('quotes-error').dataset.code).toBe('rate_limited'));
    expect(screen.getByTestId('quotes-error').textContent).toBe('Too many requests for market data. Wait a minute, then refresh.');
    await user.click(screen.getByTestId('market-refresh'));
    await waitFor(() => expect(screen.queryByTestId('quotes-error')).toBeNull());
    await screen.findByTestId('quote-price-AAPL');
    expect(screen.queryByTestId('error-toast')).toBeNull();
  });

  it('reads quotes again every 15 s while the page is open, and stops when it closes', async () => {
    const setInterval = vi.spyOn(window, 'setInterval');
    const clearInterval = vi.spyOn(window, 'clearInterval');
    const { backend, user } = renderTeam((b, s) => {
      onRelay(b, s);
      b.market.watch(s.teamId, 'AAPL');
    });
    await screen.findByTestId('nav-market');
    // The app's own timers (presence, sync) come first; the page's is the one it starts.
    const known = setInterval.mock.calls.length;
    await openMarket(user);
    await waitForCall(backend, 'market_quotes');
    const mine = setInterval.mock.calls.map((c, i) => [c[1], i] as const).filter(([ms, i]) => i >= known && ms === QUOTES_REFRESH_MS);
    expect(mine).toHaveLength(1);
    const index = mine[0][1];
    const timer = setInterval.mock.results[index].value as unknown;

    // The timer's tick reads the quotes again.
    const before = backend.callsOf('market_quotes').length;
    (setInterval.mock.calls[index][0] as () => void)();
    await waitForCall(backend, 'market_quotes', before + 1);

    expect(clearInterval).not.toHaveBeenCalledWith(timer);
    await user.click(screen.getByTestId('nav-people'));
    await screen.findByTestId('people-view');
    expect(clearInterval).toHaveBeenCalledWith(timer);
  });
});

describe('Markets: news', () => {
  it('shows a symbol’s company news of the last 7 days when it is picked, and headlines by category', async () => {
    const { backend, user } = renderTeam((b, s) => {
      onRelay(b, s);
      b.market.watch(s.teamId, 'AAPL', 'MSFT');
      b.market.setNews('MSFT', []);
    });
    await openMarket(user);
    expect(await screen.findByTestId('company-news-none')).toBeTruthy();
    expect(backend.callsOf('market_news')).toEqual([]);

    const row = await screen.findByTestId('watchlist-row-AAPL');
    await user.click(within(row).getByRole('button', { name: 'AAPL: show its news' }));
    expect(within(row).getByRole('button', { name: 'AAPL: show its news' }).getAttribute('aria-pressed')).toBe('true');
    await waitForCall(backend, 'market_news');
    expect(backend.callsOf('market_news')).toEqual([{ symbol: 'AAPL', days: 7 }]);
    const news = screen.getByTestId('company-news');
    expect(within(news).getByRole('heading').textContent).toBe('News about AAPL');
    const items = await within(news).findByTestId('company-news-items');
    const first = within(items).getAllByRole('listitem')[0];
    const link = within(first).getByRole('link');
    expect(link.textContent).toContain('AAPL');
    expect(link.getAttribute('href')).toMatch(/^https:\/\/news\.example\.com\/aapl\//);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noreferrer');
    expect(first.textContent).toContain('Reuters · ');
    expect(within(news).getByTestId('company-news-freshness').textContent).toBe('updated just now');

    await user.click(within(screen.getByTestId('watchlist-row-MSFT')).getByRole('button', { name: 'MSFT: show its news' }));
    expect(await within(news).findByText('No news about MSFT in the last 7 days.')).toBeTruthy();

    // Top headlines: business first, then another category.
    const headlines = screen.getByTestId('headlines');
    await within(headlines).findByTestId('headlines-items');
    expect(backend.callsOf('news_headlines')).toEqual([{ category: 'business' }]);
    await user.selectOptions(within(headlines).getByTestId('headlines-category'), 'technology');
    await waitForCall(backend, 'news_headlines', 2);
    expect(backend.callsOf('news_headlines')[1]).toEqual({ category: 'technology' });
    await waitFor(() => expect(within(headlines).getByTestId('headlines-items').textContent).toContain('New chip promises longer battery life'));
  });
});

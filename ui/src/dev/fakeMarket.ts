// The market-data half of the in-memory stand-in for the Rust core (see
// fakeBackend.ts), following the "Billing and market commands" of docs/ipc.md.
// It plays the relay's data providers too: prices move a little with the clock,
// answers are cached like the core caches them, and three switches show every
// kind of freshness: `upstreamDown` (cached values come back stale), `offline`
// (the last values seen, marked offline) and `available` (no market data set up).
import type { AppError, Freshness, Headline, HeadlineFeed, NewsFeed, NewsItem, Quote, WatchItem } from '../api/types';
import { NOT_HANDLED, requireManager, type FakeHost } from './fakeHost';

/** A quote younger than this is answered from the cache, as the core does. */
export const QUOTE_TTL_MS = 15_000;
const NEWS_TTL_MS = 10 * 60_000;
const MAX_SYMBOLS = 30;
const SYMBOL = /^[A-Z0-9.-]{1,10}$/;
export const CATEGORIES = ['business', 'entertainment', 'general', 'health', 'science', 'sports', 'technology'];

/** Yesterday's closes of a few well-known symbols; others get a price made from their name. */
const CLOSES: Record<string, number> = { AAPL: 227.5, MSFT: 415.2, NVDA: 121.4, GOOGL: 168.9, AMZN: 186.3, 'BRK.B': 452.1, TSLA: 248.7, SPY: 571.3 };

/** What the market commands need from the rest of the fake core. */
export interface MarketHost extends FakeHost {
  /** This device is signed in to a relay (market data comes through it). */
  signedIn: () => boolean;
  /** `read_only` while the team's payment is past due beyond its grace period. */
  requireWritable: (teamId: string) => void;
}

interface Cached<T> {
  value: T;
  fetchedAt: number;
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i += 1) h = (h * 31 + text.charCodeAt(i)) | 0;
  return Math.abs(h);
}

const round = (n: number) => Math.round(n * 100) / 100;

export class FakeMarket {
  /** The relay has market data set up; off, every read fails with `market_unavailable`. */
  available = true;
  /** This device cannot reach the relay: the last values seen, marked offline. */
  offline = false;
  /** The data provider fails: cached values come back stale; nothing cached is `upstream_unavailable`. */
  upstreamDown = false;
  private readonly watchlists = new Map<string, string[]>();
  private readonly quotes = new Map<string, Cached<Quote>>();
  private readonly news = new Map<string, Cached<NewsItem[]>>();
  private readonly headlines = new Map<string, Cached<Headline[]>>();
  private readonly failing = new Map<string, AppError>();

  constructor(private readonly host: MarketHost) {}

  dispatch(cmd: string, a: Record<string, unknown>): unknown {
    const h = this.host;
    switch (cmd) {
      case 'watchlist_get':
        return [...this.watchlist(String(a.teamId))];
      case 'watchlist_add':
      case 'watchlist_remove': {
        const teamId = String(a.teamId);
        const list = this.watchlist(teamId);
        requireManager(h, teamId, 'change the watchlist; owners and managers do');
        h.requireWritable(teamId);
        const symbol = this.symbol(a.symbol);
        if (cmd === 'watchlist_add' && !list.includes(symbol)) {
          if (list.length >= MAX_SYMBOLS) h.fail('invalid_input', `a watchlist holds at most ${MAX_SYMBOLS} symbols`);
          list.push(symbol);
        } else if (cmd === 'watchlist_remove') {
          this.watchlists.set(teamId, list.filter((s) => s !== symbol));
        }
        h.changed(teamId, 'team', teamId);
        return [...this.watchlist(teamId)];
      }
      case 'market_quotes': {
        const symbols = this.watchlist(String(a.teamId));
        this.requireMarket();
        return symbols.map((s) => this.item(s));
      }
      case 'market_news': {
        const symbol = this.symbol(a.symbol);
        const days = a.days === undefined ? 7 : Number(a.days);
        if (!Number.isInteger(days) || days < 1 || days > 30) h.fail('invalid_input', 'news covers 1 to 30 days');
        this.requireMarket();
        const feed = this.read(this.news, `${symbol}/${days}`, NEWS_TTL_MS, () => this.makeNews(symbol, days));
        const out: NewsFeed = { items: feed.value, freshness: feed.freshness };
        return out;
      }
      case 'news_headlines': {
        const category = a.category === undefined ? 'business' : String(a.category);
        if (!CATEGORIES.includes(category)) h.fail('invalid_input', `unknown news category \`${category}\``);
        this.requireMarket();
        const feed = this.read(this.headlines, category, NEWS_TTL_MS, () => this.makeHeadlines(category));
        const out: HeadlineFeed = { items: feed.value, freshness: feed.freshness };
        return out;
      }
      default:
        return NOT_HANDLED;
    }
  }

  // ----- store access (tests and seed data) -----

  /** Puts symbols on a team's watchlist straight in the store. */
  watch(teamId: string, ...symbols: string[]): void {
    const list = this.watchlist(teamId);
    for (const s of symbols) if (!list.includes(s)) list.push(s);
  }

  /** A quote the core saw `ageSeconds` ago (made from the symbol unless given). */
  remember(symbol: string, ageSeconds: number, quote: Partial<Quote> = {}): void {
    const fetchedAt = this.host.now() - ageSeconds * 1000;
    this.quotes.set(symbol, { value: { ...this.makeQuote(symbol, fetchedAt), ...quote, symbol }, fetchedAt });
  }

  /** News the provider has for a symbol (7 days), as if fetched now. */
  setNews(symbol: string, items: NewsItem[], days = 7): void {
    this.news.set(`${symbol}/${days}`, { value: structuredClone(items), fetchedAt: this.host.now() });
  }

  /** The provider refuses this symbol (say, one it does not know) until told otherwise. */
  failSymbol(symbol: string, error: AppError | null): void {
    if (error) this.failing.set(symbol, error);
    else this.failing.delete(symbol);
  }

  // ----- reads -----

  private watchlist(teamId: string): string[] {
    this.host.teamMembers(teamId); // not_found for a team that does not exist
    let list = this.watchlists.get(teamId);
    if (!list) {
      list = [];
      this.watchlists.set(teamId, list);
    }
    return list;
  }

  private symbol(raw: unknown): string {
    // As the core's validate_symbol: trimmed and upper-cased, then checked.
    const symbol = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
    if (!SYMBOL.test(symbol)) {
      this.host.fail('invalid_input', `\`${String(raw)}\` is not a symbol: use 1 to 10 of A–Z, 0–9, dot and dash`);
    }
    return symbol;
  }

  private requireMarket(): void {
    if (!this.available) this.host.fail('market_unavailable', 'this relay has no market data set up');
    if (!this.host.signedIn()) this.host.fail('not_signed_in', 'not signed in to a relay; sign in or sign up first');
  }

  private item(symbol: string): WatchItem {
    const error = this.failing.get(symbol);
    if (error) return { symbol, quote: null, freshness: null, error: { ...error } };
    try {
      const { value, freshness } = this.read(this.quotes, symbol, QUOTE_TTL_MS, () => this.makeQuote(symbol, this.host.now()));
      return { symbol, quote: value, freshness, error: null };
    } catch (e) {
      return { symbol, quote: null, freshness: null, error: { code: (e as AppError).code, message: (e as AppError).message } };
    }
  }

  /** The cached value while it is young, else a new one; when the provider cannot be asked, the cached one marked so. */
  private read<T>(cache: Map<string, Cached<T>>, key: string, ttl: number, make: () => T): { value: T; freshness: Freshness } {
    const now = this.host.now();
    const cached = cache.get(key);
    const freshness = (c: Cached<T>, stale: boolean, offline: boolean): Freshness => ({
      fetchedAt: c.fetchedAt,
      ageSeconds: Math.max(0, Math.floor((now - c.fetchedAt) / 1000)),
      stale,
      offline,
    });
    if (this.offline) {
      if (!cached) return this.host.fail('offline', 'the relay cannot be reached, and nothing was seen here yet');
      return { value: cached.value, freshness: freshness(cached, now - cached.fetchedAt > ttl, true) };
    }
    if (cached && now - cached.fetchedAt < ttl) return { value: cached.value, freshness: freshness(cached, false, false) };
    if (this.upstreamDown) {
      if (!cached) return this.host.fail('upstream_unavailable', 'the market data provider failed, and nothing was cached yet');
      return { value: cached.value, freshness: freshness(cached, true, false) };
    }
    const fresh = { value: make(), fetchedAt: now };
    cache.set(key, fresh);
    return { value: fresh.value, freshness: freshness(fresh, false, false) };
  }

  /** A price near the symbol's last close that drifts with the clock, so refreshing shows movement. */
  private makeQuote(symbol: string, at: number): Quote {
    const seed = hash(symbol);
    const previousClose = CLOSES[symbol] ?? 10 + (seed % 49_000) / 100;
    const current = round(previousClose * (1 + 0.025 * Math.sin(at / 400_000 + seed)));
    const open = round(previousClose * (1 + 0.004 * Math.cos(seed)));
    const change = round(current - previousClose);
    return {
      symbol,
      current,
      change,
      changePercent: round((change / previousClose) * 100),
      high: round(Math.max(current, open) * 1.006),
      low: round(Math.min(current, open) * 0.994),
      open,
      previousClose,
      time: Math.floor(at / 1000),
    };
  }

  private makeNews(symbol: string, days: number): NewsItem[] {
    const now = Math.floor(this.host.now() / 1000);
    const stories: [string, string, string][] = [
      [`${symbol} shares move after quarterly results`, 'Reuters', `Revenue beat estimates while guidance for the next quarter stayed cautious, analysts said.`],
      [`What analysts expect from ${symbol} this month`, 'MarketWatch', `A round-up of price targets and the questions investors want answered.`],
      [`${symbol} announces a new product line`, 'Bloomberg', `The launch is the company's largest in two years and ships in the spring.`],
      [`Options traders bet on a bigger swing in ${symbol}`, 'Yahoo', `Implied volatility rose ahead of next week's investor day.`],
    ];
    return stories
      .map(([headline, source, summary], i) => ({
        headline,
        source,
        summary,
        url: `https://news.example.com/${encodeURIComponent(symbol.toLowerCase())}/${i + 1}`,
        datetime: now - Math.floor(((i + 1) * days * 86_400) / (stories.length + 1)),
      }))
      .sort((x, y) => y.datetime - x.datetime);
  }

  private makeHeadlines(category: string): Headline[] {
    const now = this.host.now();
    const titles: Record<string, string[]> = {
      business: ['Central bank holds rates steady', 'Retail sales rise for a third month', 'Shipping costs ease as ports clear backlog'],
      technology: ['New chip promises longer battery life', 'Open-source office suite reaches a milestone', 'Browsers agree on a privacy standard'],
      general: ['City opens its first car-free district', 'Rail strike called off after late talks', 'Museum returns artefacts to their origin'],
    };
    return (titles[category] ?? titles.general).map((title, i) => ({
      title,
      source: ['The Ledger', 'Daily Wire Service', 'Evening Post'][i],
      description: i === 2 ? null : `${title}, according to people familiar with the matter.`,
      url: `https://headlines.example.com/${category}/${i + 1}`,
      publishedAt: now - (i + 1) * 47 * 60_000,
    }));
  }
}

// Pure helpers for market data: symbols, prices in words, and how fresh a value is.
import type { AppError, Freshness } from '../api';

/** What docs/ipc.md accepts as a symbol: 1–10 of A–Z 0–9 . - */
export const SYMBOL_PATTERN = /^[A-Z0-9.-]{1,10}$/;

export const NEWS_CATEGORIES: readonly [string, string][] = [
  ['business', 'Business'],
  ['technology', 'Technology'],
  ['general', 'General'],
];

/** How many days of company news to show. */
export const NEWS_DAYS = 7;

/** What is wrong with a symbol about to be added, or null. */
export function symbolProblem(symbol: string, watchlist: readonly string[]): string | null {
  if (!symbol) return 'Type a symbol, like AAPL.';
  if (!SYMBOL_PATTERN.test(symbol)) return 'A symbol is 1–10 letters, digits, dots or dashes, like AAPL or BRK.B.';
  if (watchlist.includes(symbol)) return `${symbol} is on the watchlist already.`;
  return null;
}

/** 12 → "12 s", 180 → "3 min", 7200 → "2 h", 172800 → "2 d". */
export function ageText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h`;
  return `${Math.floor(s / 86_400)} d`;
}

/** "updated 12 s ago", "stale · 3 min old", "offline · last seen 2 h ago". */
export function freshnessText(freshness: Freshness): string {
  const age = ageText(freshness.ageSeconds);
  if (freshness.offline) return `offline · last seen ${age} ago`;
  if (freshness.stale) return `stale · ${age} old`;
  return freshness.ageSeconds < 5 ? 'updated just now' : `updated ${age} ago`;
}

export type FreshnessTone = 'fresh' | 'stale' | 'offline';

export function freshnessTone(freshness: Freshness): FreshnessTone {
  return freshness.offline ? 'offline' : freshness.stale ? 'stale' : 'fresh';
}

const PRICE = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const SIGNED = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });

export function formatPrice(value: number): string {
  return PRICE.format(value);
}

/** "+1.25 (+0.55%)", "−0.40", "–" when there is no change to tell. */
export function formatChange(change: number | null, percent: number | null): string {
  if (change === null) return '–';
  const pct = percent === null ? '' : ` (${SIGNED.format(percent)}%)`;
  return `${SIGNED.format(change)}${pct}`;
}

export type Direction = 'up' | 'down' | 'flat';

export function direction(change: number | null): Direction {
  if (change === null || change === 0) return 'flat';
  return change > 0 ? 'up' : 'down';
}

/** Words for a market read that failed, by its code; anything else keeps the core's message. */
export function marketErrorText(error: AppError): string {
  switch (error.code) {
    case 'market_unavailable':
      return 'This relay has no market data set up.';
    case 'rate_limited':
      return 'Too many requests for market data. Wait a minute, then refresh.';
    case 'upstream_unavailable':
      return 'The market data provider is not answering, and nothing was saved here yet. Try again later.';
    case 'not_signed_in':
      return 'Market data comes through a relay, and this device is not signed in to one. Sign in from the sync status in the top bar.';
    case 'offline':
      return 'The relay cannot be reached, and nothing was saved here yet.';
    default:
      return error.message;
  }
}

import { describe, expect, it } from 'vitest';
import type { BillingView } from '../api';
import { formatMoney, isUpgrade, limitReason, limitsText, toMs } from './billing';
import { ageText, formatChange, freshnessText, symbolProblem } from './market';

const FREE: BillingView = {
  teamId: 't',
  enabled: true,
  plan: 'free',
  planName: 'Free',
  status: 'active',
  limits: { members: 5, boards: 3 },
  usage: { members: 4, boards: 3 },
  currentPeriodEnd: null,
  graceUntil: null,
  readOnly: false,
  canManage: true,
  plans: [],
};

describe('billing helpers', () => {
  it('says why adding is off: the plan’s limit, or read-only; nothing without billing', () => {
    expect(limitReason(FREE, 'boards')).toBe('The Free plan allows 3 boards. Upgrade to add more.');
    expect(limitReason(FREE, 'members')).toBeNull();
    expect(limitReason({ ...FREE, limits: { members: 1, boards: null } }, 'members')).toBe('The Free plan allows 1 member. Upgrade to add more.');
    expect(limitReason({ ...FREE, limits: { members: 5, boards: null } }, 'boards')).toBeNull();
    expect(limitReason({ ...FREE, enabled: false }, 'boards')).toBeNull();
    expect(limitReason({ ...FREE, readOnly: true }, 'members')).toContain('read-only');
    expect(limitReason(undefined, 'boards')).toBeNull();
  });

  it('formats amounts in the currency’s smallest unit', () => {
    expect(formatMoney(800, 'usd', 'en-US')).toBe('$8.00');
    expect(formatMoney(123456, 'EUR', 'de-DE')).toMatch(/^1\.234,56\s€$/);
    // Yen have no minor unit.
    expect(formatMoney(800, 'jpy', 'en-US')).toBe('¥800');
    expect(formatMoney(800, 'not a currency', 'en-US')).toBe('8.00 NOT A CURRENCY');
  });

  it('reads invoice times in seconds or milliseconds', () => {
    expect(toMs(1_700_000_000)).toBe(1_700_000_000_000);
    expect(toMs(1_700_000_000_000)).toBe(1_700_000_000_000);
  });

  it('words limits and tells an upgrade from a change', () => {
    const plans = [
      { id: 'free', name: 'Free', price: null, limits: { members: 5, boards: 3 }, purchasable: false },
      { id: 'team', name: 'Team', price: '$8', limits: { members: null, boards: null }, purchasable: true },
    ];
    expect(limitsText(plans[0])).toBe('5 members · 3 boards');
    expect(limitsText(plans[1])).toBe('Unlimited members · unlimited boards');
    expect(isUpgrade(plans, 'free', 'team')).toBe(true);
    expect(isUpgrade(plans, 'team', 'free')).toBe(false);
    expect(isUpgrade(plans, 'legacy', 'free')).toBe(true);
  });
});

describe('market helpers', () => {
  it('checks a symbol before it is sent', () => {
    expect(symbolProblem('AAPL', [])).toBeNull();
    expect(symbolProblem('BRK.B', [])).toBeNull();
    expect(symbolProblem('BF-B', [])).toBeNull();
    expect(symbolProblem('', [])).toBe('Type a symbol, like AAPL.');
    expect(symbolProblem('ABCDEFGHIJK', [])).toContain('1–10');
    expect(symbolProblem('AA PL', [])).toContain('1–10');
    expect(symbolProblem('aapl', [])).toContain('1–10');
    expect(symbolProblem('AAPL', ['AAPL'])).toBe('AAPL is on the watchlist already.');
  });

  it('says how fresh a value is', () => {
    const f = { fetchedAt: 0, stale: false, offline: false };
    expect(freshnessText({ ...f, ageSeconds: 2 })).toBe('updated just now');
    expect(freshnessText({ ...f, ageSeconds: 12 })).toBe('updated 12 s ago');
    expect(freshnessText({ ...f, ageSeconds: 180, stale: true })).toBe('stale · 3 min old');
    expect(freshnessText({ ...f, ageSeconds: 7200, stale: true, offline: true })).toBe('offline · last seen 2 h ago');
    expect(ageText(59)).toBe('59 s');
    expect(ageText(3 * 86_400 + 5)).toBe('3 d');
  });

  it('writes a change with its sign', () => {
    expect(formatChange(1.25, 0.55)).toMatch(/^\+1[.,]25 \(\+0[.,]55%\)$/);
    expect(formatChange(-0.4, null)).toMatch(/^-0[.,]40$/);
    expect(formatChange(null, null)).toBe('–');
  });
});

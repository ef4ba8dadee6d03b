import { describe, expect, it } from 'vitest';
import type { BillingView, HeadlineFeed, NewsFeed, WatchItem } from '../api/types';
import { FakeBackend } from './fakeBackend';

const NOW = new Date(2026, 10, 25, 12).getTime();

function setup() {
  let now = NOW;
  const b = new FakeBackend({ now: () => now });
  const team = b.createTeam('Design');
  const call = <T>(cmd: string, args: Record<string, unknown> = {}) => b.handle(cmd, args) as T;
  const code = (work: () => unknown) => {
    try {
      work();
    } catch (e) {
      return (e as { code: string }).code;
    }
    return null;
  };
  const tick = (ms: number) => {
    now += ms;
  };
  return { b, teamId: team.id, call, code, tick };
}

describe('fake billing', () => {
  it('has no billing and no limits unless the relay sells plans and the team is on it', () => {
    const { b, teamId, call } = setup();
    b.billing.relayHasBilling = true;
    expect(call<BillingView>('billing_get', { teamId })).toMatchObject({ enabled: false, limits: { members: null, boards: null }, plans: [] });
    b.signIn([teamId]);
    expect(call<BillingView>('billing_get', { teamId })).toMatchObject({
      enabled: true,
      plan: 'free',
      planName: 'Free',
      status: 'active',
      limits: { members: 5, boards: 3 },
      usage: { members: 1, boards: 1 },
      canManage: true,
      readOnly: false,
    });
  });

  it('refuses a board over the plan’s limit with plan_limit, naming the plan', () => {
    const { b, teamId, call, code } = setup();
    b.billing.relayHasBilling = true;
    b.signIn([teamId]);
    call('board_create', { teamId, name: 'Two' });
    call('board_create', { teamId, name: 'Three' });
    let refused: unknown = null;
    try {
      call('board_create', { teamId, name: 'Four' });
    } catch (e) {
      refused = e;
    }
    expect(refused).toMatchObject({ code: 'plan_limit' });
    expect((refused as { message: string }).message).toContain('Free plan');
    // A checkout alone changes nothing; the webhook does.
    expect(call<string>('billing_checkout', { teamId, plan: 'team' })).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    expect(code(() => call('board_create', { teamId, name: 'Four' }))).toBe('plan_limit');
    b.billing.completeCheckout(teamId);
    expect(call<BillingView>('billing_get', { teamId })).toMatchObject({ plan: 'team', planName: 'Team', limits: { boards: null } });
    expect(code(() => call('board_create', { teamId, name: 'Four' }))).toBeNull();
    expect(call<unknown[]>('billing_invoices', { teamId })).toHaveLength(1);
  });

  it('keeps a past-due team working until its grace ends, then refuses writes with read_only', () => {
    const { b, teamId, call, code, tick } = setup();
    b.billing.relayHasBilling = true;
    b.signIn([teamId]);
    b.billing.pastDue(teamId, NOW + 1000);
    expect(call<BillingView>('billing_get', { teamId })).toMatchObject({ status: 'past_due', graceUntil: NOW + 1000, readOnly: false });
    tick(2000);
    expect(call<BillingView>('billing_get', { teamId }).readOnly).toBe(true);
    expect(code(() => call('board_create', { teamId, name: 'Later' }))).toBe('read_only');
    expect(code(() => call('task_create', { boardId: b.addBoard(teamId, 'Direct'), title: 'x' }))).toBe('read_only');
    expect(call<string[]>('watchlist_get', { teamId })).toEqual([]);
  });

  it('lets only owners check out, and says billing_unavailable without billing', () => {
    const { b, teamId, call, code } = setup();
    b.signIn([teamId]);
    expect(code(() => call('billing_checkout', { teamId, plan: 'team' }))).toBe('billing_unavailable');
    b.billing.relayHasBilling = true;
    expect(code(() => call('billing_checkout', { teamId, plan: 'free' }))).toBe('invalid_input');
    b.setRole(teamId, b.me, 'manager');
    expect(code(() => call('billing_checkout', { teamId, plan: 'team' }))).toBe('forbidden');
  });
});

describe('fake market data', () => {
  it('keeps a watchlist of valid symbols for owners and managers', () => {
    const { b, teamId, call, code } = setup();
    expect(call<string[]>('watchlist_add', { teamId, symbol: 'AAPL' })).toEqual(['AAPL']);
    expect(call<string[]>('watchlist_add', { teamId, symbol: 'BRK.B' })).toEqual(['AAPL', 'BRK.B']);
    expect(call<string[]>('watchlist_add', { teamId, symbol: 'AAPL' })).toEqual(['AAPL', 'BRK.B']);
    expect(call<string[]>('watchlist_add', { teamId, symbol: ' msft ' })).toEqual(['AAPL', 'BRK.B', 'MSFT']);
    expect(code(() => call('watchlist_add', { teamId, symbol: 'BRK B' }))).toBe('invalid_input');
    expect(code(() => call('watchlist_add', { teamId, symbol: 'TOOLONGSYMB' }))).toBe('invalid_input');
    expect(call<string[]>('watchlist_remove', { teamId, symbol: 'AAPL' })).toEqual(['BRK.B', 'MSFT']);
    b.setRole(teamId, b.me, 'member');
    expect(code(() => call('watchlist_add', { teamId, symbol: 'MSFT' }))).toBe('forbidden');
  });

  it('answers quotes from its cache while young, stale while the provider fails, and the last values offline', () => {
    const { b, teamId, call, code, tick } = setup();
    b.market.watch(teamId, 'AAPL', 'MSFT');
    expect(code(() => call('market_quotes', { teamId }))).toBe('not_signed_in');
    b.signIn([teamId]);
    let items = call<WatchItem[]>('market_quotes', { teamId });
    expect(items.map((i) => [i.symbol, i.freshness?.ageSeconds, i.freshness?.stale, i.error])).toEqual([
      ['AAPL', 0, false, null],
      ['MSFT', 0, false, null],
    ]);
    tick(12_000);
    expect(call<WatchItem[]>('market_quotes', { teamId })[0].freshness).toMatchObject({ ageSeconds: 12, stale: false, offline: false });
    b.market.upstreamDown = true;
    b.market.watch(teamId, 'NVDA');
    tick(168_000);
    items = call<WatchItem[]>('market_quotes', { teamId });
    expect(items[0].freshness).toMatchObject({ ageSeconds: 180, stale: true, offline: false });
    expect(items[2]).toMatchObject({ symbol: 'NVDA', quote: null, error: { code: 'upstream_unavailable' } });
    b.market.upstreamDown = false;
    b.market.offline = true;
    expect(call<WatchItem[]>('market_quotes', { teamId })[1].freshness).toMatchObject({ offline: true });
    b.market.available = false;
    expect(code(() => call('market_quotes', { teamId }))).toBe('market_unavailable');
  });

  it('has company news and headlines with their freshness', () => {
    const { b, teamId, call, code } = setup();
    b.signIn([teamId]);
    const news = call<NewsFeed>('market_news', { symbol: 'AAPL' });
    expect(news.items.length).toBeGreaterThan(0);
    expect(news.items.every((n) => n.datetime <= NOW / 1000 && n.datetime > NOW / 1000 - 7 * 86_400)).toBe(true);
    expect(news.freshness).toMatchObject({ ageSeconds: 0, stale: false, offline: false });
    expect(call<HeadlineFeed>('news_headlines', { category: 'technology' }).items.length).toBeGreaterThan(0);
    expect(code(() => call('news_headlines', { category: 'gossip' }))).toBe('invalid_input');
  });
});

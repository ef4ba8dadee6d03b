// Pure helpers for the team's plan: words for its state, what its limits allow,
// and money. The plan, its limits and the usage are always the relay's.
import type { BillingStatus, BillingView, Plan } from '../api';

export const BILLING_STATUS_LABEL: Record<BillingStatus, string> = {
  active: 'Active',
  trialing: 'Trialing',
  past_due: 'Past due',
  canceled: 'Canceled',
};

/** What a plan limits. */
export type Limited = 'members' | 'boards';

const NOUNS: Record<Limited, [string, string]> = { members: ['member', 'members'], boards: ['board', 'boards'] };

/** "1 board", "3 boards". */
export function countOf(count: number, what: Limited): string {
  return `${count} ${NOUNS[what][count === 1 ? 0 : 1]}`;
}

/** The usage has reached the limit: one more is refused (`plan_limit`). */
export function atLimit(used: number, limit: number | null): boolean {
  return limit !== null && used >= limit;
}

/**
 * Why one more member or board cannot be added to the team now, in a sentence;
 * null when nothing stands in the way (or the relay has no billing).
 */
export function limitReason(view: BillingView | undefined, what: Limited): string | null {
  if (!view?.enabled) return null;
  if (view.readOnly) return 'This team is read-only until its payment is fixed. Nothing is lost.';
  const limit = view.limits[what];
  if (limit === null || !atLimit(view.usage[what], limit)) return null;
  return `The ${view.planName} plan allows ${countOf(limit, what)}. Upgrade to add more.`;
}

/** A plan's limits in words: "5 members · 3 boards", "Unlimited members · unlimited boards". */
export function limitsText(plan: Plan): string {
  const part = (what: Limited, first: boolean) => {
    const limit = plan.limits[what];
    if (limit !== null) return countOf(limit, what);
    return `${first ? 'Unlimited' : 'unlimited'} ${NOUNS[what][1]}`;
  };
  return `${part('members', true)} · ${part('boards', false)}`;
}

/** Upgrading moves down the relay's list of plans (cheapest first); anything else is a change. */
export function isUpgrade(plans: readonly Plan[], from: string, to: string): boolean {
  const a = plans.findIndex((p) => p.id === from);
  const b = plans.findIndex((p) => p.id === to);
  return a === -1 || b > a;
}

/** An amount in the currency's smallest unit (Stripe's cents), in the person's locale: 800, 'usd' → "$8.00". */
export function formatMoney(amount: number, currency: string, locale?: string): string {
  try {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(amount / 10 ** digits);
  } catch {
    // Not a currency this engine knows: the amount as Stripe counts it, and its code.
    return `${(amount / 100).toFixed(2)} ${currency.toUpperCase()}`;
  }
}

/**
 * Milliseconds since the epoch from a time that may be in seconds: the contract
 * does not give the unit of `Invoice.created`, and Stripe counts in seconds.
 * Before 1973 in milliseconds is 1e11; no invoice is that old.
 */
export function toMs(time: number): number {
  return time < 1e11 ? time * 1000 : time;
}

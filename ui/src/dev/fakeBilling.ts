// The billing half of the in-memory stand-in for the Rust core (see
// fakeBackend.ts), following the "Billing and market commands" of docs/ipc.md.
// It plays the relay and Stripe too: a checkout only returns a URL, and nothing
// changes until `completeCheckout` (the webhook) writes the team's billing
// document, as the relay would.
import type { BillingStatus, BillingUsage, BillingView, Invoice, Plan, PlanLimits } from '../api/types';
import { NOT_HANDLED, type FakeHost } from './fakeHost';

const DAY = 86_400_000;
/** How long a past-due team keeps working before it turns read-only. */
export const GRACE_MS = 7 * DAY;

export const FAKE_PLANS: Plan[] = [
  { id: 'free', name: 'Free', price: '$0', limits: { members: 5, boards: 3 }, purchasable: false },
  { id: 'team', name: 'Team', price: '$8 per member / month', limits: { members: 50, boards: null }, purchasable: true },
  { id: 'business', name: 'Business', price: '$16 per member / month', limits: { members: null, boards: null }, purchasable: true },
];

const NO_LIMITS: PlanLimits = { members: null, boards: null };

/** What the billing commands need from the rest of the fake core. */
export interface BillingHost extends FakeHost {
  /** The team is on the relay (this device is signed in and the team was shared). */
  onRelay: (teamId: string) => boolean;
  /** Members and boards the team has now. */
  usage: (teamId: string) => BillingUsage;
}

/** A team's billing document, as the relay writes it. */
interface TeamBilling {
  plan: string;
  status: BillingStatus;
  currentPeriodEnd: number | null;
  graceUntil: number | null;
  invoices: Invoice[];
  /** The plan of the last checkout started, until its webhook arrives. */
  checkout: string | null;
}

export class FakeBilling {
  /** The pretend relay sells plans. Off, it is a self-hosted relay: no billing, no limits. */
  relayHasBilling = false;
  /** Stripe cannot be reached: checkout, portal and invoices fail with `billing_unavailable`. */
  stripeDown = false;
  private readonly teams = new Map<string, TeamBilling>();
  private invoiceNumber = 1;

  constructor(private readonly host: BillingHost) {}

  dispatch(cmd: string, a: Record<string, unknown>): unknown {
    switch (cmd) {
      case 'billing_get':
        return this.view(String(a.teamId));
      case 'billing_checkout': {
        const teamId = String(a.teamId);
        this.requireSelling(teamId);
        const plan = FAKE_PLANS.find((p) => p.id === a.plan && p.purchasable);
        if (!plan) return this.host.fail('invalid_input', `\`${String(a.plan)}\` is not a plan you can buy`);
        this.billing(teamId).checkout = plan.id;
        return `https://checkout.stripe.test/c/pay/cs_test_${teamId}_${plan.id}`;
      }
      case 'billing_portal': {
        const teamId = String(a.teamId);
        this.requireSelling(teamId);
        return `https://billing.stripe.test/p/session/bps_${teamId}`;
      }
      case 'billing_invoices': {
        const teamId = String(a.teamId);
        this.requireSelling(teamId);
        return this.billing(teamId).invoices.slice().sort((x, y) => y.created - x.created);
      }
      default:
        return NOT_HANDLED;
    }
  }

  // ----- what the rest of the fake core checks before a write -----

  /** Fails with `read_only` while the team is past due beyond its grace period. */
  requireWritable(teamId: string): void {
    if (this.view(teamId).readOnly) {
      this.host.fail('read_only', 'this team is read-only until its payment is fixed; nothing is lost');
    }
  }

  /** Fails with `plan_limit` (naming the plan) when one more member or board is more than the plan allows. */
  requireRoom(teamId: string, what: keyof PlanLimits): void {
    const view = this.view(teamId);
    const limit = view.limits[what];
    if (limit !== null && view.usage[what] >= limit) {
      this.host.fail('plan_limit', `the ${view.planName} plan allows ${limit} ${what}; upgrade the team's plan to add more`);
    }
  }

  // ----- the relay and Stripe (tests and seed data) -----

  /** Writes the team's billing document as the relay would, and says so with `doc-changed`. */
  set(teamId: string, fields: Partial<Omit<TeamBilling, 'invoices' | 'checkout'>>): void {
    Object.assign(this.billing(teamId), fields);
    this.host.changed(`billing-${teamId}`, 'billing', teamId);
  }

  /** Stripe's webhook for the last checkout: the plan it bought is active now, with its first invoice. */
  completeCheckout(teamId: string): void {
    const billing = this.billing(teamId);
    const plan = billing.checkout ?? this.host.fail('not_found', 'no checkout was started for this team');
    billing.checkout = null;
    this.addInvoice(teamId, plan === 'business' ? 1600 : 800, 'paid');
    this.set(teamId, { plan, status: 'active', currentPeriodEnd: this.host.now() + 30 * DAY, graceUntil: null });
  }

  /** A renewal failed: the team keeps working until `graceUntil` (a week from now unless told). */
  pastDue(teamId: string, graceUntil = this.host.now() + GRACE_MS): void {
    this.addInvoice(teamId, 800, 'open');
    this.set(teamId, { status: 'past_due', graceUntil });
  }

  addInvoice(teamId: string, amount: number, status: 'paid' | 'open', created = this.host.now()): Invoice {
    const number = `TS-${String(this.invoiceNumber++).padStart(4, '0')}`;
    const invoice: Invoice = {
      id: `in_${this.host.id('invoice')}`,
      number,
      status,
      amountDue: amount,
      amountPaid: status === 'paid' ? amount : 0,
      currency: 'usd',
      created,
      hostedInvoiceUrl: `https://invoice.stripe.test/i/${number}`,
    };
    this.billing(teamId).invoices.push(invoice);
    return invoice;
  }

  // ----- reads -----

  view(teamId: string): BillingView {
    const usage = this.host.usage(teamId);
    const owner = this.host.teamMembers(teamId).find((m) => m.userId === this.host.me)?.role === 'owner';
    const billing = this.billing(teamId);
    const plan = FAKE_PLANS.find((p) => p.id === billing.plan) ?? FAKE_PLANS[0];
    const enabled = this.relayHasBilling && this.host.onRelay(teamId);
    if (!enabled) {
      return {
        teamId,
        enabled: false,
        plan: plan.id,
        planName: plan.name,
        status: 'active',
        limits: { ...NO_LIMITS },
        usage,
        currentPeriodEnd: null,
        graceUntil: null,
        readOnly: false,
        canManage: owner,
        plans: [],
      };
    }
    const readOnly = billing.status === 'past_due' && billing.graceUntil !== null && this.host.now() > billing.graceUntil;
    return {
      teamId,
      enabled: true,
      plan: plan.id,
      planName: plan.name,
      status: billing.status,
      limits: { ...plan.limits },
      usage,
      currentPeriodEnd: billing.currentPeriodEnd,
      graceUntil: billing.status === 'past_due' ? billing.graceUntil : null,
      readOnly,
      canManage: owner,
      plans: structuredClone(FAKE_PLANS),
    };
  }

  private billing(teamId: string): TeamBilling {
    let billing = this.teams.get(teamId);
    if (!billing) {
      this.host.teamMembers(teamId); // not_found for a team that does not exist
      billing = { plan: 'free', status: 'active', currentPeriodEnd: null, graceUntil: null, invoices: [], checkout: null };
      this.teams.set(teamId, billing);
    }
    return billing;
  }

  /** Checkout, the portal and invoices: owners of a team whose relay sells plans, while Stripe answers. */
  private requireSelling(teamId: string): void {
    const view = this.view(teamId);
    if (!view.enabled) this.host.fail('billing_unavailable', 'this relay has no billing');
    if (!view.canManage) this.host.fail('forbidden', 'you may not manage billing; only owners do');
    if (this.stripeDown) this.host.fail('billing_unavailable', 'Stripe cannot be reached right now');
  }
}

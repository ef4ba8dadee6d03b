import { describe, expect, it } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import type { BillingView } from '../../api';
import type { FakeBackend } from '../../dev/fakeBackend';
import { FAKE_PLANS } from '../../dev/fakeBilling';
import { renderTeam, waitForCall, type TeamSeed } from '../../test/assessments';
import { emitDocChanged, type renderApp } from '../../test/renderApp';
import { PlanChooser } from './PlanChooser';

type User = ReturnType<typeof renderApp>['user'];

/** The Design team on a relay that sells plans: Free, with its 5 members and 1 board. */
function onBillingRelay(b: FakeBackend, s: TeamSeed) {
  b.signIn([s.teamId]);
  b.billing.relayHasBilling = true;
}

async function openBilling(user: User) {
  await user.click(await screen.findByTestId('nav-billing'));
  return screen.findByTestId('billing-page');
}

describe('Billing page', () => {
  it('shows the plan, its status and the usage against its limits', async () => {
    const { user } = renderTeam(onBillingRelay);
    await openBilling(user);
    expect((await screen.findByTestId('billing-plan-name')).textContent).toBe('Free');
    expect(screen.getByTestId('billing-status').textContent).toBe('Active');
    const members = screen.getByTestId('usage-members');
    expect(members.textContent).toBe('Members 5 of 5');
    expect(members.dataset.atLimit).toBe('true');
    expect(within(members).getByRole('progressbar').className).toContain('meter--warning');
    const boards = screen.getByTestId('usage-boards');
    expect(boards.textContent).toBe('Boards 1 of 3');
    expect(boards.dataset.atLimit).toBe('false');
    expect(screen.getByTestId('board-title').textContent).toBe('Billing');
    expect(screen.getByTestId('nav-billing').getAttribute('aria-current')).toBe('page');

    // Every plan, the current one marked, the others for sale.
    expect(screen.getByTestId('plan-free').getAttribute('aria-current')).toBe('true');
    expect(within(screen.getByTestId('plan-free')).getByText('Current plan')).toBeTruthy();
    expect(screen.queryByTestId('upgrade-free')).toBeNull();
    expect(screen.getByTestId('plan-team').textContent).toContain('50 members · unlimited boards');
    expect(screen.getByTestId('upgrade-team').textContent).toBe('Upgrade');
    expect(screen.getByTestId('upgrade-business')).toBeTruthy();
    expect(await within(screen.getByTestId('invoices')).findByText('No invoices yet.')).toBeTruthy();
  });

  it('opens checkout on Upgrade, says so, and shows the new plan once the relay’s billing document arrives', async () => {
    const { backend, user, seed } = renderTeam(onBillingRelay);
    await openBilling(user);
    await user.click(await screen.findByTestId('upgrade-team'));
    await waitForCall(backend, 'billing_checkout');
    expect(backend.callsOf('billing_checkout')).toEqual([{ teamId: seed.teamId, plan: 'team' }]);
    const note = await screen.findByTestId('checkout-opened');
    expect(note.textContent).toContain('Checkout opened in your browser. This page updates when the payment goes through.');
    // Nothing changes by itself.
    expect(screen.getByTestId('billing-plan-name').textContent).toBe('Free');

    // Stripe's webhook reaches the relay, whose billing document reaches this window.
    const reads = backend.callsOf('billing_get').length;
    backend.billing.completeCheckout(seed.teamId);
    await act(() => emitDocChanged({ docId: `billing-${seed.teamId}`, kind: 'billing', teamId: seed.teamId }));
    await waitFor(() => expect(screen.getByTestId('billing-plan-name').textContent).toBe('Team'));
    expect(backend.callsOf('billing_get').length).toBeGreaterThan(reads);
    expect(screen.getByTestId('usage-boards').textContent).toBe('Boards 1 · no limit');
    expect(screen.getByTestId('usage-members').textContent).toBe('Members 5 of 50');
    await waitFor(() => expect(screen.queryByTestId('checkout-opened')).toBeNull());
    expect((await screen.findByTestId('info-toast')).textContent).toContain('Design is on the Team plan now.');
    expect(screen.getByTestId('billing-period-end').textContent).toMatch(/^Renews on /);
    // The first invoice, with its amount in the currency and a link to Stripe's page.
    const table = await screen.findByTestId('invoices-table');
    const row = within(table).getAllByRole('row')[1];
    expect(row.textContent).toContain('$8.00');
    expect(row.textContent).toContain('Paid');
    const link = within(row).getByRole('link');
    expect(link.textContent).toBe('View');
    expect(link.getAttribute('href')).toMatch(/^https:\/\/invoice\.stripe\.test\//);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noreferrer');
  });

  it('is busy while a checkout opens: that plan says so, and no other can be chosen', () => {
    const view: BillingView = {
      teamId: 't',
      enabled: true,
      plan: 'free',
      planName: 'Free',
      status: 'active',
      limits: FAKE_PLANS[0].limits,
      usage: { members: 2, boards: 1 },
      currentPeriodEnd: null,
      graceUntil: null,
      readOnly: false,
      canManage: true,
      plans: FAKE_PLANS,
    };
    render(<PlanChooser view={view} busyPlan="team" onChoose={() => {}} />);
    const busy = screen.getByTestId('upgrade-team');
    expect(busy.textContent).toBe('Opening checkout…');
    expect(busy.getAttribute('aria-busy')).toBe('true');
    expect(busy).toHaveProperty('disabled', true);
    expect(screen.getByTestId('upgrade-business')).toHaveProperty('disabled', true);
  });

  it('shows Stripe’s refusal in place, by its code', async () => {
    const { backend, user } = renderTeam((b, s) => {
      onBillingRelay(b, s);
      b.failNext('billing_checkout', { code: 'stripe_error', message: 'Your card was declined.' });
    });
    await openBilling(user);
    await user.click(await screen.findByTestId('upgrade-business'));
    const error = await screen.findByTestId('billing-error');
    expect(error.dataset.code).toBe('stripe_error');
    expect(error.textContent).toBe('Your card was declined.');
    expect(screen.queryByTestId('checkout-opened')).toBeNull();
    // Without Stripe, Manage billing says so the same way.
    backend.billing.stripeDown = true;
    await user.click(screen.getByTestId('billing-portal'));
    await waitFor(() => expect(screen.getByTestId('billing-error').dataset.code).toBe('billing_unavailable'));
    expect(screen.getByTestId('billing-error').textContent).toBe('Stripe cannot be reached right now');
  });

  it('warns while a payment is past due, lets an owner fix it, and says when the team turned read-only', async () => {
    let grace = 0;
    const { backend, user, seed } = renderTeam((b, s) => {
      onBillingRelay(b, s);
      grace = Date.now() + 3 * 86_400_000;
      b.billing.pastDue(s.teamId, grace);
    });
    await openBilling(user);
    const banner = await screen.findByTestId('billing-past-due');
    const day = new Date(grace).toLocaleDateString(undefined, { dateStyle: 'medium' });
    expect(banner.textContent).toContain(
      `Payment failed. Teamstead keeps working until ${day}; after that the team is read-only until the payment is fixed. Nothing is lost.`,
    );
    expect(screen.getByTestId('billing-status').textContent).toBe('Past due');
    await user.click(within(banner).getByTestId('billing-fix-payment'));
    await waitForCall(backend, 'billing_portal');
    expect(backend.callsOf('billing_portal')).toEqual([{ teamId: seed.teamId }]);
    expect((await screen.findByTestId('info-toast')).textContent).toContain('Billing opened in your browser.');

    // The grace period ends.
    backend.billing.set(seed.teamId, { graceUntil: Date.now() - 1000 });
    await act(() => emitDocChanged({ docId: `billing-${seed.teamId}`, kind: 'billing', teamId: seed.teamId }));
    const readOnly = await screen.findByTestId('billing-read-only');
    expect(readOnly.textContent).toContain('This team is read-only until the payment is fixed');
    expect(readOnly.textContent).toContain('Nothing is lost.');
    // The billing page says it in full; the thin bar is for the team's other pages.
    expect(screen.queryByTestId('read-only-banner')).toBeNull();
    await user.click(screen.getAllByTestId('board-item')[0]);
    expect((await screen.findByTestId('read-only-banner')).textContent).toContain('Design is read-only: its payment is past due.');
    expect(screen.getByTestId('new-board-button')).toHaveProperty('disabled', true);
    expect(screen.getByTestId('board-limit').textContent).toContain('This team is read-only until its payment is fixed.');
    // From the bar back to billing.
    await user.click(within(screen.getByTestId('read-only-banner')).getByRole('button', { name: 'Billing' }));
    await screen.findByTestId('billing-page');
  });

  it('asks members to get an owner to upgrade, and shows them no invoices', async () => {
    const { backend, user } = renderTeam((b, s) => {
      onBillingRelay(b, s);
      b.setRole(s.teamId, s.ada, 'owner');
      b.setRole(s.teamId, b.me, 'manager');
      b.billing.pastDue(s.teamId);
    });
    await openBilling(user);
    expect((await screen.findByTestId('billing-plan-name')).textContent).toBe('Free');
    expect(screen.queryByTestId('upgrade-team')).toBeNull();
    expect(within(screen.getByTestId('plan-team')).getByText('Ask an owner to upgrade')).toBeTruthy();
    expect(screen.queryByTestId('billing-portal')).toBeNull();
    expect(screen.queryByTestId('billing-fix-payment')).toBeNull();
    expect(screen.getByTestId('billing-past-due').textContent).toContain('Ask an owner of the team to fix the payment.');
    expect(screen.queryByTestId('invoices')).toBeNull();
    expect(backend.callsOf('billing_invoices')).toEqual([]);
  });

  it('says calmly that a relay without billing has no limits', async () => {
    const { user } = renderTeam((b, s) => b.signIn([s.teamId]));
    await openBilling(user);
    const note = await screen.findByTestId('billing-disabled');
    expect(note.textContent).toContain('This relay has no billing: no plan limits apply.');
    expect(screen.queryByTestId('plan-chooser')).toBeNull();
    expect(screen.queryByTestId('billing-portal')).toBeNull();
  });
});

describe('Plan limits before they are hit', () => {
  it('turns New board off at the plan’s board limit, says why, and leads to Billing', async () => {
    const { backend, user, seed } = renderTeam((b, s) => {
      onBillingRelay(b, s);
      b.addBoard(s.teamId, 'Roadmap');
    });
    const button = await screen.findByTestId('new-board-button');
    expect(button).toHaveProperty('disabled', false);
    await user.click(button);
    await user.type(screen.getByTestId('board-name-input'), 'Research{Enter}');
    await waitForCall(backend, 'board_create');
    // The third board fills the Free plan.
    await waitFor(() => expect(screen.getByTestId('new-board-button')).toHaveProperty('disabled', true));
    const note = screen.getByTestId('board-limit');
    expect(note.textContent).toContain('The Free plan allows 3 boards. Upgrade to add more.');
    expect(screen.getByTestId('new-board-button').getAttribute('aria-describedby')).toBe(note.id);
    await user.click(screen.getByTestId('board-limit-billing'));
    expect((await screen.findByTestId('billing-page')).getAttribute('aria-label')).toBe('Billing for Design');
    expect(backend.callsOf('board_create')).toEqual([{ teamId: seed.teamId, name: 'Research' }]);
  });

  it('shows the core’s plan_limit refusal with its message', async () => {
    const { backend, user } = renderTeam((b, s) => {
      onBillingRelay(b, s);
      b.failNext('board_create', { code: 'plan_limit', message: 'the Free plan allows 3 boards; upgrade the team’s plan to add more' });
    });
    await user.click(await screen.findByTestId('new-board-button'));
    await user.type(screen.getByTestId('board-name-input'), 'Research{Enter}');
    const toast = await screen.findByTestId('error-toast');
    expect(toast.dataset.code).toBe('plan_limit');
    expect(toast.textContent).toContain('the Free plan allows 3 boards');
    // What the window knew of the plan is read again.
    await waitFor(() => expect(backend.callsOf('billing_get').length).toBeGreaterThanOrEqual(2));
  });

  it('turns invitations off at the plan’s member limit, with the way to Billing', async () => {
    const { backend, user } = renderTeam(onBillingRelay);
    await user.click(await screen.findByTestId('nav-people'));
    const panel = await screen.findByTestId('invite-panel');
    const note = await within(panel).findByTestId('invitation-limit');
    expect(note.textContent).toContain('The Free plan allows 5 members. Upgrade to add more.');
    expect(within(panel).getByTestId('invitation-create')).toHaveProperty('disabled', true);
    await user.click(within(note).getByTestId('invitation-limit-billing'));
    await screen.findByTestId('billing-page');
    expect(backend.callsOf('invitation_create')).toEqual([]);
  });
});

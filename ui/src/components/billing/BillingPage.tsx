import { useEffect, useState } from 'react';
import { api, toAppError, type AppError, type Plan, type TeamSummary } from '../../api';
import { explainError } from '../../lib/errorText';
import { useToasts } from '../../state/toasts';
import type { Billing } from '../../state/useBilling';
import { Loading } from '../assessments/Loading';
import { ScreenHeader } from '../assessments/ScreenHeader';
import { EmptyNote } from '../EmptyNote';
import { isInlineBillingError } from './billingErrors';
import { CheckoutNote } from './CheckoutNote';
import { CurrentPlan } from './CurrentPlan';
import { InvoicesSheet } from './InvoicesSheet';
import { PaymentBanner } from './PaymentBanner';
import { PlanChooser } from './PlanChooser';
import '../sheets.css';
import './BillingPage.css';

interface BillingPageProps {
  team: TeamSummary;
  /** The team's billing, kept current by the app (the relay's `billing` documents refresh it). */
  billing: Billing;
}

/** A checkout opened in the browser, until the relay says the plan it bought is the team's. */
interface OpenCheckout {
  plan: Plan;
  url: string;
}

/** A team's plan and usage, the plans to upgrade to, the portal and the invoices. */
export function BillingPage({ team, billing }: BillingPageProps) {
  const { showError, showInfo } = useToasts();
  const { view } = billing;
  const [busy, setBusy] = useState<string | null>(null);
  const [checkout, setCheckout] = useState<OpenCheckout | null>(null);
  const [failure, setFailure] = useState<AppError | null>(null);

  // The webhook reached the relay and its billing document reached us: the plan changed.
  useEffect(() => {
    if (checkout && view?.plan === checkout.plan.id) {
      setCheckout(null);
      showInfo(`${team.name} is on the ${view.planName} plan now.`);
    }
  }, [checkout, view?.plan, view?.planName, team.name, showInfo]);

  /** Runs a billing command that opens the browser; its failure shows in place or as a toast, by its code. */
  const run = async (key: string, open: () => Promise<string>): Promise<string | null> => {
    setBusy(key);
    setFailure(null);
    try {
      return await open();
    } catch (error) {
      const e = toAppError(error);
      if (isInlineBillingError(e)) setFailure(e);
      else showError(explainError(e));
      void billing.reload();
      return null;
    } finally {
      setBusy(null);
    }
  };

  const choose = async (plan: Plan) => {
    const url = await run(plan.id, () => api.billingCheckout(team.id, plan.id));
    if (url) setCheckout({ plan, url });
  };

  const openPortal = async () => {
    const url = await run('portal', () => api.billingPortal(team.id));
    if (url) showInfo('Billing opened in your browser.');
  };

  let body;
  if (!view) {
    body = billing.error ? (
      <EmptyNote title="Billing could not be read" testId="billing-load-error" action={{ label: 'Try again', onClick: () => void billing.reload() }}>
        {explainError(billing.error).message}
      </EmptyNote>
    ) : (
      <Loading label="Loading the team's plan" />
    );
  } else if (!view.enabled) {
    body = (
      <EmptyNote title="No plans here" testId="billing-disabled">
        This relay has no billing: no plan limits apply.
      </EmptyNote>
    );
  } else {
    body = (
      <>
        <PaymentBanner view={view} busy={busy === 'portal'} onFixPayment={() => void openPortal()} />
        <CurrentPlan view={view} />
        {checkout && <CheckoutNote planName={checkout.plan.name} url={checkout.url} />}
        <PlanChooser view={view} busyPlan={busy !== 'portal' ? busy : null} onChoose={(plan) => void choose(plan)} />
        {view.canManage && <InvoicesSheet teamId={team.id} />}
      </>
    );
  }

  return (
    <section className="team-page billing-page" data-testid="billing-page" aria-label={`Billing for ${team.name}`}>
      <div className="team-page__inner">
        <ScreenHeader title="Billing" subtitle={team.name}>
          {view?.enabled && view.canManage && (
            <button type="button" className="button" data-testid="billing-portal" disabled={busy !== null} onClick={() => void openPortal()}>
              {busy === 'portal' ? 'Opening…' : 'Manage billing'}
            </button>
          )}
        </ScreenHeader>
        {failure && (
          <p className="billing-page__error" role="alert" data-testid="billing-error" data-code={failure.code}>
            {failure.message}
          </p>
        )}
        {body}
      </div>
    </section>
  );
}

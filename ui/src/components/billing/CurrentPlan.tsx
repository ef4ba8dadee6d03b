import type { BillingStatus, BillingView } from '../../api';
import { formatDay } from '../../lib/dates';
import { Sheet } from '../Sheet';
import { BillingStatusBadge } from './BillingStatusBadge';
import { UsageMeter } from './UsageMeter';
import './CurrentPlan.css';

const PERIOD_END: Record<BillingStatus, string> = {
  active: 'Renews on',
  trialing: 'Trial ends on',
  past_due: 'Period ends on',
  canceled: 'Ends on',
};

/** The team's plan, where its subscription stands, and how much of its limits the team uses. */
export function CurrentPlan({ view }: { view: BillingView }) {
  return (
    <Sheet titleId="current-plan-title" title="Current plan" className="current-plan" testId="current-plan">
      <div className="current-plan__head">
        <span className="current-plan__name" data-testid="billing-plan-name">
          {view.planName}
        </span>
        <BillingStatusBadge status={view.status} />
      </div>
      {view.currentPeriodEnd !== null && (
        <p className="sheet__hint" data-testid="billing-period-end">
          {PERIOD_END[view.status]} {formatDay(view.currentPeriodEnd)}
        </p>
      )}
      <div className="current-plan__usage">
        <UsageMeter what="members" used={view.usage.members} limit={view.limits.members} />
        <UsageMeter what="boards" used={view.usage.boards} limit={view.limits.boards} />
      </div>
    </Sheet>
  );
}

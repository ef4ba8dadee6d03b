import type { BillingStatus } from '../../api';
import { BILLING_STATUS_LABEL } from '../../lib/billing';
import './BillingStatusBadge.css';

/** Where the subscription stands, in a word and a colour. */
export function BillingStatusBadge({ status }: { status: BillingStatus }) {
  return (
    <span className={`billing-status billing-status--${status}`} data-testid="billing-status" data-status={status}>
      {BILLING_STATUS_LABEL[status]}
    </span>
  );
}

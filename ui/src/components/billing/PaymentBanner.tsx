import type { BillingView } from '../../api';
import { formatDay } from '../../lib/dates';
import './PaymentBanner.css';

interface PaymentBannerProps {
  view: BillingView;
  /** Opens the Customer Portal (owners). */
  onFixPayment: () => void;
  busy: boolean;
}

/** What an unpaid plan means for the team, and for owners the way to fix it. Nothing while the plan is paid. */
export function PaymentBanner({ view, onFixPayment, busy }: PaymentBannerProps) {
  if (view.status !== 'past_due' && !view.readOnly) return null;
  let text: string;
  if (view.readOnly) {
    text = 'This team is read-only until the payment is fixed: everything can be read, nothing can be changed. Nothing is lost.';
  } else if (view.graceUntil !== null) {
    text = `Payment failed. Teamstead keeps working until ${formatDay(view.graceUntil)}; after that the team is read-only until the payment is fixed. Nothing is lost.`;
  } else {
    text = 'Payment failed. Fix the payment to keep the team writable. Nothing is lost.';
  }
  return (
    <div
      className={`payment-banner${view.readOnly ? ' payment-banner--read-only' : ''}`}
      role="status"
      data-testid={view.readOnly ? 'billing-read-only' : 'billing-past-due'}
    >
      <p className="payment-banner__text">{text}</p>
      {view.canManage ? (
        <button type="button" className="button button--primary" data-testid="billing-fix-payment" disabled={busy} onClick={onFixPayment}>
          {busy ? 'Opening…' : 'Fix payment'}
        </button>
      ) : (
        <p className="payment-banner__hint">Ask an owner of the team to fix the payment.</p>
      )}
    </div>
  );
}

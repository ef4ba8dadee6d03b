import type { AppError } from '../../api';

/** Billing refusals shown in place with the core's message (Stripe's reason, or why billing cannot be reached). */
const INLINE = ['billing_unavailable', 'stripe_error'];

export function isInlineBillingError(error: AppError): boolean {
  return INLINE.includes(error.code);
}

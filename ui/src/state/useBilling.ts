import { api, type AppError, type BillingView } from '../api';
import { useKindsChanged } from './useKindsChanged';
import { useResourceWithError } from './useResourceWithError';

export interface Billing {
  /** The team's plan, limits and usage; undefined until read. */
  view: BillingView | undefined;
  /** Why the last read failed, until one succeeds. */
  error: AppError | null;
  reload: () => Promise<void>;
}

/**
 * A team's billing, kept current: the relay writes the plan into the team's
 * billing document (`doc-changed` of kind `billing`), and boards and members,
 * which the limits count, live in the team document.
 */
export function useBilling(teamId: string | null): Billing {
  const billing = useResourceWithError(teamId && `billing:${teamId}`, () => api.billingGet(teamId as string));
  useKindsChanged(['billing', 'team'], teamId, () => void billing.reload());
  return { view: billing.data, error: billing.error, reload: billing.reload };
}

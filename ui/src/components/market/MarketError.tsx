import type { AppError } from '../../api';
import { marketErrorText } from '../../lib/market';
import './MarketError.css';

/** A market read that failed, said quietly where its figures would be. */
export function MarketError({ error, testId }: { error: AppError; testId: string }) {
  return (
    <p className="market-error" role="status" data-testid={testId} data-code={error.code}>
      {marketErrorText(error)}
    </p>
  );
}

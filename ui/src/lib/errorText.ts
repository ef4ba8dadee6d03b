import { toAppError, type AppError } from '../api';

/**
 * Words for codes whose backend message assumes context the person may not
 * have. Anything else keeps the backend's own message, which names the field.
 */
const PLAIN: Record<string, string> = {
  last_owner: 'A team needs at least one owner. Make someone else an owner first.',
  not_signed_in: 'Sign in to a relay first: open the sync status in the top bar.',
  offline: 'The relay cannot be reached right now. Your work is saved here; try again when you are online.',
  unanswered: 'Answer every required question before you submit.',
  forbidden: 'Your role in this team does not allow that.',
  expired_token: 'Your session with the relay has expired. Sign in again.',
  revoked_token: 'Your session with the relay was ended. Sign in again.',
  read_only: 'This team is read-only until its payment is fixed. Nothing is lost: everything can still be read.',
  rate_limited: 'Too many requests for market data. Wait a minute, then try again.',
};

/** The error with a message fitting its code; the code itself never changes. */
export function explainError(error: unknown): AppError {
  const e = toAppError(error);
  const plain = PLAIN[e.code];
  if (!plain) return e;
  // Keep the backend's detail for "forbidden": it says what was refused.
  return { code: e.code, message: e.code === 'forbidden' ? `${plain} (${e.message})` : plain };
}

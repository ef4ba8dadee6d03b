import type { AppError } from './types';

/** Codes the backend documents; anything else is still shown, never matched. */
export type KnownErrorCode =
  | 'empty'
  | 'too_long'
  | 'invalid_date'
  | 'not_found'
  | 'self_dependency'
  | 'dependency_cycle'
  | 'task_blocked'
  | 'invalid_transition'
  | 'forbidden'
  | 'last_owner'
  | 'wrong_kind'
  | 'corrupt_document'
  | 'invalid_input'
  | 'storage'
  | 'io'
  | 'sync'
  | 'relay'
  | 'offline'
  | 'not_signed_in'
  | 'keyring'
  | 'wrong_credentials'
  | 'account_exists'
  | 'invalid_token'
  | 'expired_token'
  | 'revoked_token'
  | 'invalid_invitation'
  | 'expired_invitation'
  | 'used_invitation'
  | 'conflict'
  | 'too_large'
  | 'attachment_too_large'
  | 'unanswered'
  | 'already_answered'
  | 'questions_fixed'
  | 'plan_limit'
  | 'read_only'
  | 'billing_unavailable'
  | 'stripe_error'
  | 'rate_limited'
  | 'upstream_unavailable'
  | 'market_unavailable';

/**
 * Used when a rejection is not shaped like `{ code, message }`, e.g. Tauri's own
 * argument-decoding errors (plain strings) or a missing IPC bridge.
 */
export const UNKNOWN_ERROR_CODE = 'unknown';

export function isAppError(value: unknown): value is AppError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string';
}

export function hasCode(value: unknown, code: KnownErrorCode): boolean {
  return isAppError(value) && value.code === code;
}

/** Turns whatever a rejected `invoke` produced into an AppError. */
export function toAppError(value: unknown): AppError {
  if (isAppError(value)) return { code: value.code, message: value.message };
  if (typeof value === 'string') return { code: UNKNOWN_ERROR_CODE, message: value };
  if (value instanceof Error) return { code: UNKNOWN_ERROR_CODE, message: value.message };
  return { code: UNKNOWN_ERROR_CODE, message: 'Something went wrong.' };
}

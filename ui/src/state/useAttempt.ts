import { useCallback } from 'react';
import { explainError } from '../lib/errorText';
import { useToasts } from './toasts';

/**
 * Runs a write and reports how it went: on failure the coded error is shown (in
 * words fitting its code) and `reread` runs, so nothing is left half-changed.
 * Resolves true when the write went through.
 */
export function useAttempt() {
  const { showError } = useToasts();
  return useCallback(
    async (write: () => Promise<unknown>, reread?: () => unknown): Promise<boolean> => {
      try {
        await write();
        return true;
      } catch (error) {
        showError(explainError(error));
        void reread?.();
        return false;
      }
    },
    [showError],
  );
}

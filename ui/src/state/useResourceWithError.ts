import { useState } from 'react';
import type { AppError } from '../api';
import { useResource, type Resource } from './useResource';

export interface ResourceWithError<T> extends Resource<T> {
  /** Why the last read for this key failed, until a read succeeds. */
  error: AppError | null;
}

/**
 * useResource for a value whose failure is shown in place (a note where the value
 * would be) rather than as a toast: the last value stays, and the error beside it.
 */
export function useResourceWithError<T>(key: string | null, fetcher: () => Promise<T>): ResourceWithError<T> {
  const [failed, setFailed] = useState<{ key: string; error: AppError } | null>(null);
  const resource = useResource(
    key,
    async () => {
      const value = await fetcher();
      setFailed((f) => (f?.key === key ? null : f));
      return value;
    },
    (error) => {
      if (key !== null) setFailed({ key, error });
    },
  );
  return { ...resource, error: failed !== null && failed.key === key ? failed.error : null };
}

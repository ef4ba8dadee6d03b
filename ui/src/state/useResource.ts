import { useCallback, useEffect, useRef, useState } from 'react';
import { toAppError, type AppError } from '../api';
import { useCoalesced } from './useCoalesced';

export interface Resource<T> {
  /** The value for the current key; undefined until it has loaded. */
  data: T | undefined;
  /** True until the first answer (or failure) for the current key. */
  loading: boolean;
  /** Re-reads from the backend. Calls made while one is running fold into one more read. */
  reload: () => Promise<void>;
  /** Changes the held value locally (optimistic update or a command's answer). */
  mutate: (update: (previous: T) => T) => void;
}

interface Held<T> {
  key: string | null;
  data: T | undefined;
  settled: boolean;
}

/**
 * Reads one backend value named by `key` (null: nothing to read). Answers that
 * arrive after the key changed, or after a local change, are dropped so a slow
 * read can never overwrite fresher state.
 */
export function useResource<T>(
  key: string | null,
  fetcher: () => Promise<T>,
  onError?: (error: AppError) => void,
): Resource<T> {
  const [held, setHeld] = useState<Held<T>>({ key, data: undefined, settled: false });
  const fetcherRef = useRef(fetcher);
  const onErrorRef = useRef(onError);
  const keyRef = useRef(key);
  fetcherRef.current = fetcher;
  onErrorRef.current = onError;
  keyRef.current = key;

  const generation = useRef(0);

  const readOnce = useCallback(async () => {
    const forKey = keyRef.current;
    if (forKey === null) return;
    const mine = ++generation.current;
    const current = () => mine === generation.current && keyRef.current === forKey;
    try {
      const data = await fetcherRef.current();
      if (current()) setHeld({ key: forKey, data, settled: true });
    } catch (error) {
      if (!current()) return;
      setHeld((h) => (h.key === forKey ? { ...h, settled: true } : { key: forKey, data: undefined, settled: true }));
      onErrorRef.current?.(toAppError(error));
    }
  }, []);

  const { run: reload } = useCoalesced(readOnce);

  useEffect(() => {
    if (key !== null) void reload();
  }, [key, reload]);

  const mutate = useCallback((update: (previous: T) => T) => {
    // A read that started before this change would bring back the old value.
    generation.current += 1;
    setHeld((h) =>
      h.key === keyRef.current && h.data !== undefined ? { ...h, data: update(h.data) } : h,
    );
  }, []);

  const matches = held.key === key;
  return {
    data: matches ? held.data : undefined,
    loading: key !== null && !(matches && held.settled),
    reload,
    mutate,
  };
}

import { useEffect, useRef } from 'react';
import { DOC_CHANGED_EVENT, type DocChangedPayload } from '../api';
import { subscribe } from './useTauriEvent';

/** How long a burst of writes is gathered before anything is re-read. */
export const DOC_CHANGED_WINDOW_MS = 120;

/**
 * Calls `onBatch` once per burst of `doc-changed` events with every payload of
 * the burst. The window opens at the first event and does not slide, so a
 * steady stream still refreshes the screen every DOC_CHANGED_WINDOW_MS.
 */
export function useDocChanged(
  onBatch: (changes: DocChangedPayload[]) => void,
  windowMs: number = DOC_CHANGED_WINDOW_MS,
): void {
  const handler = useRef(onBatch);
  handler.current = onBatch;

  useEffect(() => {
    let pending: DocChangedPayload[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;

    const flush = () => {
      timer = null;
      const batch = pending;
      pending = [];
      if (batch.length > 0) handler.current(batch);
    };

    const unsubscribe = subscribe<DocChangedPayload>(DOC_CHANGED_EVENT, (payload) => {
      pending.push(payload);
      timer ??= setTimeout(flush, windowMs);
    });

    return () => {
      if (timer) clearTimeout(timer);
      unsubscribe();
    };
  }, [windowMs]);
}

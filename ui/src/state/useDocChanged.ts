import { useEffect, useRef } from 'react';
import { listen } from '@tauri-apps/api/event';
import { DOC_CHANGED_EVENT, type DocChangedPayload } from '../api';

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
    let unlisten: (() => void) | null = null;
    let disposed = false;

    const flush = () => {
      timer = null;
      const batch = pending;
      pending = [];
      if (!disposed && batch.length > 0) handler.current(batch);
    };

    listen<DocChangedPayload>(DOC_CHANGED_EVENT, (event) => {
      pending.push(event.payload);
      timer ??= setTimeout(flush, windowMs);
    })
      .then((stop) => {
        if (disposed) stop();
        else unlisten = stop;
      })
      .catch(() => {
        // No event bridge (a plain browser without the backend): nothing will change behind our back.
      });

    return () => {
      disposed = true;
      if (timer) clearTimeout(timer);
      unlisten?.();
    };
  }, [windowMs]);
}

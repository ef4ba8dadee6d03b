import { useEffect, useRef } from 'react';
import { listen } from '@tauri-apps/api/event';

/**
 * Stops a listener. Tauri's unlisten is async and rejects when the event bridge
 * is already gone (a window closing, or a test's mocks cleared): nothing is left
 * to stop then, so that is not an error.
 */
function stopQuietly(stop: () => unknown): void {
  try {
    const done = stop() as { catch?: unknown } | undefined;
    if (done && typeof done.catch === 'function') (done as Promise<unknown>).catch(() => {});
  } catch {
    // The bridge is gone already.
  }
}

/**
 * Calls `onPayload` with the payload of every `name` event until the returned
 * function is called, which may happen before the listener is registered.
 * Without an event bridge (a plain browser without the backend) no events come.
 */
export function subscribe<T>(name: string, onPayload: (payload: T) => void): () => void {
  let unlisten: (() => void) | null = null;
  let disposed = false;
  listen<T>(name, (event) => {
    if (!disposed) onPayload(event.payload);
  })
    .then((stop) => {
      if (disposed) stopQuietly(stop);
      else unlisten = stop;
    })
    .catch(() => {
      // No event bridge: nothing will come.
    });
  return () => {
    disposed = true;
    if (unlisten) stopQuietly(unlisten);
  };
}

/**
 * Calls `onEvent` with the payload of every `name` event while mounted. The
 * handler may change between renders without re-subscribing.
 */
export function useTauriEvent<T>(name: string, onEvent: (payload: T) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;

  useEffect(() => subscribe<T>(name, (payload) => handler.current(payload)), [name]);
}

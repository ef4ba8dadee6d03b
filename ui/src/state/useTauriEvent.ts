import { useEffect, useRef } from 'react';
import { listen } from '@tauri-apps/api/event';

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
      if (disposed) stop();
      else unlisten = stop;
    })
    .catch(() => {
      // No event bridge: nothing will come.
    });
  return () => {
    disposed = true;
    unlisten?.();
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

import { useEffect, useRef } from 'react';
import { listen } from '@tauri-apps/api/event';

/**
 * Calls `onEvent` with the payload of every `name` event while mounted. The
 * handler may change between renders without re-subscribing.
 */
export function useTauriEvent<T>(name: string, onEvent: (payload: T) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;

  useEffect(() => {
    let unlisten: (() => void) | null = null;
    let disposed = false;
    listen<T>(name, (event) => {
      if (!disposed) handler.current(event.payload);
    })
      .then((stop) => {
        if (disposed) stop();
        else unlisten = stop;
      })
      .catch(() => {
        // No event bridge (a plain browser without the backend): no events will come.
      });
    return () => {
      disposed = true;
      unlisten?.();
    };
  }, [name]);
}

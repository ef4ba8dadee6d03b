import { useEffect } from 'react';
import { api } from '../api';

/** Without mouse or keyboard input for this long, this person is idle. */
export const IDLE_AFTER_MS = 5 * 60_000;
const CHECK_EVERY_MS = 15_000;
const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Tells the team this person is online on start and again on input after
 * being idle, and idle after IDLE_AFTER_MS without input. Presence is a hint:
 * failures (say, not signed in to a relay) are not worth a message.
 */
export function usePresenceReporter(idleAfterMs: number = IDLE_AFTER_MS): void {
  useEffect(() => {
    let state: 'online' | 'idle' = 'online';
    let lastInput = Date.now();
    const report = (next: 'online' | 'idle') => {
      state = next;
      api.presenceSet(next).catch(() => {});
    };
    report('online');

    const onInput = () => {
      lastInput = Date.now();
      if (state === 'idle') report('online');
    };
    const timer = window.setInterval(() => {
      if (state === 'online' && Date.now() - lastInput >= idleAfterMs) report('idle');
    }, Math.min(CHECK_EVERY_MS, idleAfterMs));
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onInput, { passive: true });
    return () => {
      window.clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onInput);
    };
  }, [idleAfterMs]);
}

import { useCallback, useRef } from 'react';

export interface Coalesced {
  /**
   * Runs the task, or while it runs, asks for one more run after it: any number
   * of calls made meanwhile fold into that one. Resolves when no more are asked for.
   */
  run: () => Promise<void>;
  /** Forgets the running one, so the next call starts afresh (for a change of subject). */
  reset: () => void;
}

/** One read at a time, and one more once it ends if anything asked while it ran. */
export function useCoalesced(task: () => Promise<void>): Coalesced {
  const inFlight = useRef<Promise<void> | null>(null);
  const rerun = useRef(false);

  const run = useCallback((): Promise<void> => {
    if (inFlight.current) {
      rerun.current = true;
      return inFlight.current;
    }
    const running = (async () => {
      do {
        rerun.current = false;
        await task();
      } while (rerun.current);
    })().finally(() => {
      if (inFlight.current === running) inFlight.current = null;
    });
    inFlight.current = running;
    return running;
  }, [task]);

  const reset = useCallback(() => {
    inFlight.current = null;
  }, []);

  return { run, reset };
}

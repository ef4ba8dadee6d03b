import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { api, type TimeEntry } from '../api';
import { useAttempt } from './useAttempt';
import { useDocChanged } from './useDocChanged';
import { useResource } from './useResource';
import { useToasts } from './toasts';

interface TimerApi {
  /** My running timer; null when none runs, undefined until read. */
  running: TimeEntry | null | undefined;
  /** Starts my timer on a task (the core stops any other). Resolves true when it started. */
  start: (boardId: string, taskId: string) => Promise<boolean>;
  stop: () => Promise<boolean>;
  /** Reads timer_running again. */
  reload: () => Promise<void>;
}

const TimerContext = createContext<TimerApi | null>(null);

/**
 * Holds my running timer for the whole window: read when the app starts (a
 * timer survives a restart), after every timer command and after every change
 * to a board, where time entries live.
 */
export function TimerProvider({ children }: { children: ReactNode }) {
  const { showError } = useToasts();
  const attempt = useAttempt();
  const timer = useResource('timer-running', api.timerRunning, showError);
  const { reload } = timer;

  useDocChanged((changes) => {
    if (changes.some((c) => c.kind === 'board')) void reload();
  });

  const start = useCallback(
    (boardId: string, taskId: string) =>
      attempt(async () => {
        await api.timerStart(boardId, taskId);
        await reload();
      }, reload),
    [attempt, reload],
  );

  const stop = useCallback(
    () =>
      attempt(async () => {
        await api.timerStop();
        await reload();
      }, reload),
    [attempt, reload],
  );

  const value = useMemo(() => ({ running: timer.data, start, stop, reload }), [timer.data, start, stop, reload]);
  return <TimerContext.Provider value={value}>{children}</TimerContext.Provider>;
}

export function useTimer(): TimerApi {
  const api = useContext(TimerContext);
  if (!api) throw new Error('useTimer must be used inside <TimerProvider>');
  return api;
}

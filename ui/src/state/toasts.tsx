import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { toAppError, type AppError } from '../api';
import { Toasts } from '../components/Toasts';

/** A button on a toast, such as Undo; the toast goes once it is clicked. */
export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast extends AppError {
  id: number;
  action?: ToastAction;
  /** 'info' confirms something that worked (say, where a file was saved); 'warning' did work, but mind this. */
  tone: 'error' | 'info' | 'warning';
}

interface ToastApi {
  /** Shows a rejected command's message; accepts anything a command can reject with. */
  showError: (error: unknown) => void;
  /** Says that something worked, briefly; with an action, offers it (Undo). */
  showInfo: (message: string, action?: ToastAction) => void;
  /** Says that something worked but went past a soft limit (a column over its WIP limit). */
  showWarning: (message: string) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

const MAX_TOASTS = 4;
export const TOAST_TIMEOUT_MS = 6000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((t) => t.id !== id));
  }, []);

  const push = useCallback((tone: Toast['tone'], code: string, message: string, action?: ToastAction) => {
    setToasts((list) => {
      // The same failure repeated (say, a retried refresh) should not stack up.
      const rest = list.filter((t) => !(t.code === code && t.message === message));
      return [...rest, { id: nextId.current++, code, message, tone, action }].slice(-MAX_TOASTS);
    });
  }, []);

  const showError = useCallback(
    (error: unknown) => {
      const { code, message } = toAppError(error);
      push('error', code, message);
    },
    [push],
  );

  const showInfo = useCallback(
    (message: string, action?: ToastAction) => push('info', 'info', message, action),
    [push],
  );

  const showWarning = useCallback((message: string) => push('warning', 'warning', message), [push]);

  const value = useMemo(() => ({ showError, showInfo, showWarning }), [showError, showInfo, showWarning]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <Toasts toasts={toasts} onDismiss={dismiss} timeoutMs={TOAST_TIMEOUT_MS} />
    </ToastContext.Provider>
  );
}

export function useToasts(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToasts must be used inside <ToastProvider>');
  return api;
}

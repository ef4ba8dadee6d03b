import { useEffect } from 'react';
import type { Toast } from '../state/toasts';
import { CloseIcon } from './icons';
import './Toasts.css';

interface ToastsProps {
  toasts: Toast[];
  onDismiss: (id: number) => void;
  timeoutMs: number;
}

const TONE_ICON: Record<Toast['tone'], string> = { error: '!', info: '✓', warning: '⚠' };

export function Toasts({ toasts, onDismiss, timeoutMs }: ToastsProps) {
  return (
    <div className="toasts" role="region" aria-label="Notifications">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} onDismiss={onDismiss} timeoutMs={timeoutMs} />
      ))}
    </div>
  );
}

function ToastItem({ toast, onDismiss, timeoutMs }: { toast: Toast; onDismiss: (id: number) => void; timeoutMs: number }) {
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(toast.id), timeoutMs);
    return () => clearTimeout(timer);
  }, [toast.id, onDismiss, timeoutMs]);

  return (
    <div
      className={`toast${toast.tone === 'error' ? '' : ` toast--${toast.tone}`}`}
      role={toast.tone === 'info' ? 'status' : 'alert'}
      data-testid={`${toast.tone}-toast`}
      data-code={toast.code}
    >
      <span className="toast__icon" aria-hidden="true">
        {TONE_ICON[toast.tone]}
      </span>
      <p className="toast__message">{toast.message}</p>
      {toast.action && (
        <button
          type="button"
          className="toast__action"
          data-testid="toast-action"
          onClick={() => {
            onDismiss(toast.id);
            toast.action?.run();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button
        type="button"
        className="icon-button toast__close"
        aria-label="Dismiss"
        onClick={() => onDismiss(toast.id)}
      >
        <CloseIcon size={14} />
      </button>
    </div>
  );
}

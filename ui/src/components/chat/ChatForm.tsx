import { useState, type FormEvent, type ReactNode } from 'react';

interface ChatFormProps {
  /** The form's accessible name. */
  label: string;
  submitLabel: string;
  submitTestId: string;
  /** False keeps the submit button disabled and Enter does nothing. */
  ready?: boolean;
  /** Sends the form; the submit button stays disabled until it settles. */
  onSubmit: () => Promise<unknown>;
  /** Escape and the Cancel button call it. */
  onCancel: () => void;
  children: ReactNode;
}

/** The sidebar's small chat forms (new channel, new direct message): fields, then Cancel and submit. */
export function ChatForm({ label, submitLabel, submitTestId, ready = true, onSubmit, onCancel, children }: ChatFormProps) {
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !ready) return;
    setBusy(true);
    await onSubmit();
    setBusy(false);
  };

  return (
    <form
      className="chat-form"
      aria-label={label}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      {children}
      <div className="chat-form__actions">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" data-testid={submitTestId} disabled={busy || !ready}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

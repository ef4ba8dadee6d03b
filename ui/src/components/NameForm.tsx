import { useEffect, useRef, useState, type FormEvent } from 'react';
import './NameForm.css';

interface NameFormProps {
  /** Accessible name of the text field. */
  label: string;
  placeholder?: string;
  submitLabel: string;
  initialValue?: string;
  inputTestId?: string;
  submitTestId?: string;
  size?: 'compact' | 'large';
  autoFocus?: boolean;
  /** Resolves true when the name was accepted; the form then clears itself. */
  onSubmit: (name: string) => Promise<boolean>;
  /** When given, Escape and a Cancel button call it. */
  onCancel?: () => void;
}

/**
 * One text field and a submit button. Validation is the backend's job (it trims
 * and rejects empty names with a clear error), so whatever is typed is sent.
 */
export function NameForm({
  label,
  placeholder,
  submitLabel,
  initialValue = '',
  inputTestId,
  submitTestId,
  size = 'compact',
  autoFocus = false,
  onSubmit,
  onCancel,
}: NameFormProps) {
  const [value, setValue] = useState(initialValue);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (autoFocus) {
      inputRef.current?.focus();
      inputRef.current?.select();
    }
  }, [autoFocus]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const ok = await onSubmit(value);
    setBusy(false);
    if (ok) setValue('');
    else inputRef.current?.focus();
  };

  return (
    <form className={`name-form name-form--${size}`} onSubmit={submit}>
      <input
        ref={inputRef}
        className="input name-form__input"
        type="text"
        value={value}
        placeholder={placeholder}
        aria-label={label}
        data-testid={inputTestId}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && onCancel) {
            event.preventDefault();
            event.stopPropagation();
            onCancel();
          }
        }}
      />
      <div className="name-form__actions">
        {onCancel && (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button button--primary" data-testid={submitTestId} disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

import { useId, useRef, useState } from 'react';
import { Field } from '../Field';
import { CopyIcon } from '../icons';

interface CopyFieldProps {
  label: string;
  value: string;
  testId: string;
}

/** A read-only value with a Copy button; falls back to selecting it when the clipboard says no. */
export function CopyField({ label, value, testId }: CopyFieldProps) {
  const [copied, setCopied] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      inputRef.current?.focus();
      inputRef.current?.select();
    }
  };
  return (
    <Field htmlFor={id} label={label} className="copy-field">
      <div className="copy-field__row">
        <input id={id} ref={inputRef} className="input copy-field__value" readOnly value={value} data-testid={testId} onFocus={(e) => e.target.select()} />
        <button type="button" className="button" data-testid={`${testId}-copy`} aria-label={`Copy the ${label.toLowerCase()}`} onClick={() => void copy()}>
          <CopyIcon size={14} /> {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <span className="visually-hidden" role="status">
        {copied ? `${label} copied` : ''}
      </span>
    </Field>
  );
}

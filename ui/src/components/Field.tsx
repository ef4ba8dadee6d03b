import type { ReactNode } from 'react';

interface FieldProps {
  /** The id of the control inside, which the label names. */
  htmlFor: string;
  label: ReactNode;
  className?: string;
  /** The control, then any hint or error. */
  children: ReactNode;
}

/** A labelled control: the small label above, the control below (styles in sheets.css). */
export function Field({ htmlFor, label, className, children }: FieldProps) {
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={htmlFor} className="field__label">
        {label}
      </label>
      {children}
    </div>
  );
}

interface FieldErrorProps {
  /** Nothing shows while there is no message. */
  message: ReactNode;
  /** For the control's aria-describedby. */
  id?: string;
  className?: string;
  testId?: string;
}

/** What is wrong with a field or a form, read out as soon as it shows. */
export function FieldError({ message, id, className, testId }: FieldErrorProps) {
  if (!message) return null;
  return (
    <p id={id} className={className ? `field__error ${className}` : 'field__error'} role="alert" data-testid={testId}>
      {message}
    </p>
  );
}

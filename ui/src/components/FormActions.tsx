interface FormActionsProps {
  /** The bar's class: sticky-actions at the foot of a long form, or the form's own. */
  className: string;
  submitLabel: string;
  submitTestId: string;
  /** While saving, or while the form cannot be sent yet. */
  disabled: boolean;
  onCancel: () => void;
}

/** A form's Cancel and submit buttons. */
export function FormActions({ className, submitLabel, submitTestId, disabled, onCancel }: FormActionsProps) {
  return (
    <div className={className}>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="button button--primary" data-testid={submitTestId} disabled={disabled}>
        {submitLabel}
      </button>
    </div>
  );
}

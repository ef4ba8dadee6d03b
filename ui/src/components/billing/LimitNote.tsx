import './LimitNote.css';

interface LimitNoteProps {
  /** Why the action is off, in a sentence (lib/billing's limitReason). */
  reason: string;
  /** The note's id, for the disabled control's aria-describedby. */
  id?: string;
  testId: string;
  onOpenBilling: () => void;
}

/** Says why adding is off before anyone tries, with the way to the team's Billing page. */
export function LimitNote({ reason, id, testId, onOpenBilling }: LimitNoteProps) {
  return (
    <p id={id} className="limit-note" role="note" data-testid={testId}>
      {reason}{' '}
      <button type="button" className="limit-note__link" data-testid={`${testId}-billing`} onClick={onOpenBilling}>
        See plans
      </button>
    </p>
  );
}

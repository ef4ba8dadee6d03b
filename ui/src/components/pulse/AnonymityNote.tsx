import { anonymityNote } from '../../lib/pulse';
import { LockIcon } from '../icons';
import './AnonymityNote.css';

/** What happens to an answer, said before it is sent. */
export function AnonymityNote({ threshold, id }: { threshold: number | null; id?: string }) {
  return (
    <p className="anonymity-note" id={id} data-testid="pulse-anonymity-note">
      <LockIcon className="anonymity-note__icon" size={14} />
      <span>{anonymityNote(threshold)}</span>
    </p>
  );
}

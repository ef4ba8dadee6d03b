import { useState, type FormEvent } from 'react';
import type { Member } from '../../api';
import { MemberPicker } from './MemberPicker';

interface NewDirectFormProps {
  /** Team members other than me. */
  members: Member[];
  /** Resolves true when the conversation was opened. */
  onSubmit: (members: string[]) => Promise<boolean>;
  onCancel: () => void;
}

/** Picks the people for a direct message; the same people always get the same conversation. */
export function NewDirectForm({ members, onSubmit, onCancel }: NewDirectFormProps) {
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || picked.length === 0) return;
    setBusy(true);
    await onSubmit(picked);
    setBusy(false);
  };

  return (
    <form
      className="chat-form"
      aria-label="New direct message"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <MemberPicker label="Message" members={members} selected={picked} onChange={setPicked} />
      <div className="chat-form__actions">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="submit"
          className="button button--primary"
          data-testid="direct-open-submit"
          disabled={busy || picked.length === 0}
        >
          Open
        </button>
      </div>
    </form>
  );
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Member } from '../../api';
import { MemberPicker } from './MemberPicker';

interface NewChannelFormProps {
  /** Team members other than me. */
  members: Member[];
  /** Resolves true when the channel was made. */
  onSubmit: (name: string, isPrivate: boolean, members: string[]) => Promise<boolean>;
  onCancel: () => void;
}

/** Name, public or private, and for a private channel who is in it. The backend checks the name. */
export function NewChannelForm({ members, onSubmit, onCancel }: NewChannelFormProps) {
  const [name, setName] = useState('');
  const [isPrivate, setPrivate] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => inputRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const ok = await onSubmit(name, isPrivate, isPrivate ? picked : []);
    setBusy(false);
    if (!ok) inputRef.current?.focus();
  };

  return (
    <form
      className="chat-form"
      aria-label="New channel"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <input
        ref={inputRef}
        className="input"
        type="text"
        value={name}
        placeholder="Channel name"
        aria-label="Channel name"
        data-testid="channel-name-input"
        onChange={(event) => setName(event.target.value)}
      />
      <label className="chat-form__check">
        <input
          type="checkbox"
          checked={isPrivate}
          data-testid="channel-private-checkbox"
          onChange={(event) => setPrivate(event.target.checked)}
        />
        Private: only the people picked can see it
      </label>
      {isPrivate && <MemberPicker label="Members" members={members} selected={picked} onChange={setPicked} />}
      <div className="chat-form__actions">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" data-testid="channel-create-submit" disabled={busy}>
          Create channel
        </button>
      </div>
    </form>
  );
}

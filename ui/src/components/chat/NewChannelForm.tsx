import { useEffect, useRef, useState } from 'react';
import type { Member } from '../../api';
import { ChatForm } from './ChatForm';
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
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => inputRef.current?.focus(), []);

  const submit = async () => {
    const ok = await onSubmit(name, isPrivate, isPrivate ? picked : []);
    if (!ok) inputRef.current?.focus();
  };

  return (
    <ChatForm
      label="New channel"
      submitLabel="Create channel"
      submitTestId="channel-create-submit"
      onSubmit={submit}
      onCancel={onCancel}
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
    </ChatForm>
  );
}

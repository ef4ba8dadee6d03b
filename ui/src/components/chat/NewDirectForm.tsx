import { useState } from 'react';
import type { Member } from '../../api';
import { ChatForm } from './ChatForm';
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

  return (
    <ChatForm
      label="New direct message"
      submitLabel="Open"
      submitTestId="direct-open-submit"
      ready={picked.length > 0}
      onSubmit={() => onSubmit(picked)}
      onCancel={onCancel}
    >
      <MemberPicker label="Message" members={members} selected={picked} onChange={setPicked} />
    </ChatForm>
  );
}

import { useMemo } from 'react';
import type { Member } from '../../api';
import { splitMentions } from '../../lib/chat';

interface MessageBodyProps {
  body: string;
  people: Pick<Member, 'userId' | 'name'>[];
  me: string | undefined;
}

/** A message's text with @mentions highlighted; mentions of me (or @channel) stand out more. */
export function MessageBody({ body, people, me }: MessageBodyProps) {
  const parts = useMemo(() => splitMentions(body, people), [body, people]);
  return (
    <>
      {parts.map((part, i) =>
        part.mention ? (
          <span
            key={i}
            className={`mention${part.mention === me || part.mention === 'channel' ? ' mention--me' : ''}`}
            data-testid="mention"
            data-user={part.mention}
          >
            {part.text}
          </span>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}

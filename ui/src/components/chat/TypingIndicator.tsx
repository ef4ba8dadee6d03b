import { typingText } from '../../lib/chat';

/** "Alice is typing…" under the messages; empty (but present) when nobody is. */
export function TypingIndicator({ names }: { names: string[] }) {
  return (
    <div className="typing-indicator" data-testid="typing-indicator" aria-live="polite">
      {names.length > 0 && (
        <>
          <span className="typing-indicator__dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          {typingText(names)}
        </>
      )}
    </div>
  );
}

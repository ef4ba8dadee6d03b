import { useEffect, useRef, useState } from 'react';

interface MessageEditorProps {
  initial: string;
  /** Resolves true when the new text was saved. */
  onSave: (body: string) => Promise<boolean>;
  onCancel: () => void;
}

/** Edits a message in place: Enter saves, Shift+Enter adds a line, Escape cancels. */
export function MessageEditor({ initial, onSave, onCancel }: MessageEditorProps) {
  const [body, setBody] = useState(initial);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const input = inputRef.current;
    if (!input) return;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }, []);

  const save = async () => {
    if (busy) return;
    if (body === initial) {
      onCancel();
      return;
    }
    setBusy(true);
    const ok = await onSave(body);
    setBusy(false);
    if (ok) onCancel();
  };

  return (
    <form
      className="message-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <textarea
        ref={inputRef}
        className="textarea message-editor__input"
        rows={2}
        value={body}
        aria-label="Edit message"
        data-testid="msg-edit-input"
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            void save();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onCancel();
          }
        }}
      />
      <div className="message-editor__actions">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" data-testid="msg-edit-save" disabled={busy}>
          Save
        </button>
      </div>
    </form>
  );
}

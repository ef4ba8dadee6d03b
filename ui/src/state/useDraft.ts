import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

/**
 * A text field that follows the backend's value except while the user is
 * editing it, so a refresh never clobbers what is being typed.
 */
export function useDraft(server: string) {
  const [draft, setDraft] = useState(server);
  const editing = useRef(false);
  const serverRef = useRef(server);
  serverRef.current = server;
  useEffect(() => {
    if (!editing.current) setDraft(server);
  }, [server]);
  /**
   * Keys for a one-line field that saves on blur: Enter commits (by blurring);
   * the first Escape undoes the edit, and only the next one reaches the panel.
   */
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      event.currentTarget.blur();
    } else if (event.key === 'Escape' && draft !== serverRef.current) {
      event.preventDefault();
      event.stopPropagation();
      setDraft(serverRef.current);
      editing.current = false;
    }
  };
  return { draft, setDraft, editing, serverRef, onKeyDown };
}

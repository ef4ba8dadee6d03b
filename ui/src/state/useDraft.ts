import { useEffect, useRef, useState } from 'react';

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
  return { draft, setDraft, editing, serverRef };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { api, LIVE_SIGNAL_EVENT, type LiveSignalPayload } from '../api';
import { useTauriEvent } from './useTauriEvent';

/** A typing signal expires after 6 s; read again a little later in case no event says so. */
const RECHECK_MS = 6500;

/** Who is typing in a conversation (not me), refreshed on `live-signal` typing events. */
export function useTyping(conversationId: string, me: string | undefined): string[] {
  const [typing, setTyping] = useState<{ id: string; users: string[] }>({ id: conversationId, users: [] });
  const latest = useRef(0);

  const read = useCallback(() => {
    const request = ++latest.current;
    api
      .typingList(conversationId)
      .then((users) => {
        if (request === latest.current) setTyping({ id: conversationId, users });
      })
      .catch(() => {
        // A hint only: a failed read leaves the line as it was.
      });
  }, [conversationId]);

  useEffect(() => {
    read();
  }, [read]);

  useTauriEvent<LiveSignalPayload>(LIVE_SIGNAL_EVENT, (signal) => {
    if (signal.kind === 'typing' && (signal.conversationId === conversationId || signal.conversationId === null)) read();
  });

  const users = typing.id === conversationId ? typing.users.filter((u) => u !== me) : [];

  useEffect(() => {
    if (users.length === 0) return;
    const timer = setTimeout(read, RECHECK_MS);
    return () => clearTimeout(timer);
  }, [users.length, read, typing]);

  return users;
}

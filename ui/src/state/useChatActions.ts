import { useCallback, useMemo } from 'react';
import { api, type ChatMessage, type SendArgs } from '../api';
import { useConfirm } from './confirm';
import { useToasts } from './toasts';

export interface ChatActions {
  /** Resolves with the saved message, or null when it could not be sent. */
  send: (args: Omit<SendArgs, 'conversationId'>) => Promise<ChatMessage | null>;
  edit: (message: ChatMessage, body: string) => Promise<boolean>;
  /** Asks first; resolves true when the message was deleted. */
  remove: (message: ChatMessage) => Promise<boolean>;
  /** Toggles my reaction. */
  react: (message: ChatMessage, emoji: string) => Promise<boolean>;
}

/**
 * Every message write goes through here, so each failure is handled the same
 * way: show the coded error, then re-read so nothing is left half-changed.
 */
export function useChatActions(
  conversationId: string,
  apply: (message: ChatMessage) => void,
  refresh: () => void,
): ChatActions {
  const { showError } = useToasts();
  const confirm = useConfirm();

  const run = useCallback(
    async (write: () => Promise<ChatMessage>): Promise<ChatMessage | null> => {
      try {
        const message = await write();
        apply(message);
        return message;
      } catch (error) {
        showError(error);
        refresh();
        return null;
      }
    },
    [apply, refresh, showError],
  );

  const send = useCallback(
    (args: Omit<SendArgs, 'conversationId'>) => run(() => api.messageSend({ conversationId, ...args })),
    [conversationId, run],
  );

  const edit = useCallback(
    async (message: ChatMessage, body: string) =>
      (await run(() => api.messageEdit(conversationId, message.id, body))) !== null,
    [conversationId, run],
  );

  const remove = useCallback(
    async (message: ChatMessage) => {
      const ok = await confirm({
        title: 'Delete this message?',
        message: 'Everyone in the conversation will see that a message was deleted. This can’t be undone.',
        confirmLabel: 'Delete message',
        tone: 'danger',
      });
      if (!ok) return false;
      return (await run(() => api.messageDelete(conversationId, message.id))) !== null;
    },
    [conversationId, run, confirm],
  );

  const react = useCallback(
    async (message: ChatMessage, emoji: string) =>
      (await run(() => api.messageReact(conversationId, message.id, emoji))) !== null,
    [conversationId, run],
  );

  return useMemo(() => ({ send, edit, remove, react }), [send, edit, remove, react]);
}

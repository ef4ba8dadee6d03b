import { useRef, useState } from 'react';
import { api, type MessageEdit } from '../../api';
import { formatFull } from '../../lib/dates';
import { useDismiss } from '../../state/useDismiss';
import { useToasts } from '../../state/toasts';

interface EditedMarkProps {
  conversationId: string;
  messageId: string;
  editedAt: number;
}

/** "(edited)"; hovering or clicking shows the earlier versions (message_history). */
export function EditedMark({ conversationId, messageId, editedAt }: EditedMarkProps) {
  const { showError } = useToasts();
  const [open, setOpen] = useState(false);
  // Opened by a click, it stays open when the pointer leaves.
  const [pinned, setPinned] = useState(false);
  const [history, setHistory] = useState<MessageEdit[] | null>(null);
  const rootRef = useRef<HTMLSpanElement>(null);
  const loading = useRef(false);
  const close = () => {
    setOpen(false);
    setPinned(false);
  };
  useDismiss(open, rootRef, close);

  const load = () => {
    if (loading.current) return;
    loading.current = true;
    api
      .messageHistory(conversationId, messageId)
      .then(setHistory)
      .catch((error: unknown) => {
        close();
        showError(error);
      })
      .finally(() => {
        loading.current = false;
      });
  };

  const show = () => {
    setOpen(true);
    load();
  };

  return (
    <span className="edited" ref={rootRef} onMouseEnter={show} onMouseLeave={() => !pinned && setOpen(false)}>
      <button
        type="button"
        className="edited__button"
        data-testid="msg-edited"
        aria-expanded={open}
        title={`Edited ${formatFull(editedAt)}`}
        onClick={() => {
          if (pinned) close();
          else {
            setPinned(true);
            show();
          }
        }}
      >
        (edited)
      </button>
      {open && (
        <span className="edited__history" role="dialog" aria-label="Earlier versions" data-testid="msg-history">
          <span className="edited__title">Earlier versions</span>
          {history === null ? (
            <span className="edited__empty">Loading…</span>
          ) : history.length === 0 ? (
            <span className="edited__empty">No earlier versions.</span>
          ) : (
            <ol className="edited__list">
              {history.map((edit, i) => (
                <li key={i} className="edited__item" data-testid="msg-history-item">
                  <time className="edited__time" dateTime={new Date(edit.editedAt).toISOString()}>
                    {formatFull(edit.editedAt)}
                  </time>
                  <span className="edited__body">{edit.body}</span>
                </li>
              ))}
            </ol>
          )}
        </span>
      )}
    </span>
  );
}

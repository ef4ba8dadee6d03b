import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { api, type Attachment, type Member } from '../../api';
import { baseName, formatSize, insertMention, mentionAt, mentionOptions, type MentionOption } from '../../lib/chat';
import { useToasts } from '../../state/toasts';
import { useTransfers } from '../../state/transfers';
import { CloseIcon, FileIcon, PaperclipIcon, SendIcon } from '../icons';
import { MentionMenu } from './MentionMenu';
import { ProgressBar } from './ProgressBar';
import './Composer.css';

/** Unsent text per conversation (and thread), kept while the window is open. */
const drafts = new Map<string, string>();

/** Forgets every unsent draft (tests start from a clean slate). */
export function clearDrafts(): void {
  drafts.clear();
}

const MAX_INPUT_HEIGHT_PX = 200;

interface ComposerProps {
  conversationId: string;
  /** Set in a thread: where drafts are kept apart from the conversation's. */
  draftKey: string;
  members: Member[];
  me: string | undefined;
  label: string;
  placeholder: string;
  /** Resolves true when the message was saved; the composer then clears itself. */
  onSend: (body: string, attachments: Attachment[]) => Promise<boolean>;
  inputTestId: string;
  sendTestId: string;
  autoFocus?: boolean;
}

interface Upload {
  id: number;
  name: string;
}

let nextUploadId = 1;

/**
 * Writes a message: Enter sends, Shift+Enter starts a new line, "@" offers
 * people to mention, and files are attached through the native file dialog.
 */
export function Composer({
  conversationId,
  draftKey,
  members,
  me,
  label,
  placeholder,
  onSend,
  inputTestId,
  sendTestId,
  autoFocus = false,
}: ComposerProps) {
  const { showError } = useToasts();
  const transfers = useTransfers();
  const [body, setBody] = useState(() => drafts.get(draftKey) ?? '');
  const [caret, setCaret] = useState(0);
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [busy, setBusy] = useState(false);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const pendingCaret = useRef<number | null>(null);
  const menuId = useId();

  const mention = mentionAt(body, caret);
  const options =
    focused && mention && mention.start !== dismissedAt ? mentionOptions(mention.query, members, me) : [];
  const menuOpen = options.length > 0;
  const activeIndex = Math.min(active, Math.max(0, options.length - 1));

  useEffect(() => setActive(0), [mention?.query, mention?.start]);

  useEffect(() => {
    if (autoFocus) inputRef.current?.focus();
  }, [autoFocus]);

  useLayoutEffect(() => {
    const input = inputRef.current;
    if (!input) return;
    if (pendingCaret.current !== null) {
      input.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = null;
    }
    // Grow with the text, up to a limit.
    input.style.height = 'auto';
    if (input.scrollHeight > 0) input.style.height = `${Math.min(input.scrollHeight + 2, MAX_INPUT_HEIGHT_PX)}px`;
  }, [body]);

  const change = (text: string, at: number) => {
    setBody(text);
    setCaret(at);
    if (text) drafts.set(draftKey, text);
    else drafts.delete(draftKey);
    // The backend throttles and expires these; a failure is not worth a word.
    if (text.trim()) api.typingNotify(conversationId).catch(() => {});
  };

  const pick = (option: MentionOption) => {
    if (!mention) return;
    const next = insertMention(body, mention, caret, option);
    pendingCaret.current = next.caret;
    change(next.text, next.caret);
    inputRef.current?.focus();
  };

  const send = async () => {
    if (busy || uploads.length > 0) return;
    const text = body.trim();
    if (!text && attachments.length === 0) return;
    setBusy(true);
    const ok = await onSend(text, attachments);
    setBusy(false);
    if (ok) {
      setBody('');
      setCaret(0);
      setAttachments([]);
      setDismissedAt(null);
      drafts.delete(draftKey);
    }
    inputRef.current?.focus();
  };

  const attach = async () => {
    let path: string | null;
    try {
      path = await api.attachmentPick();
    } catch (error) {
      showError(error);
      return;
    }
    if (!path) return;
    const upload = { id: nextUploadId++, name: baseName(path) };
    setUploads((list) => [...list, upload]);
    try {
      const attachment = await api.attachmentUpload(conversationId, path);
      setAttachments((list) => [...list.filter((a) => a.sha256 !== attachment.sha256), attachment]);
    } catch (error) {
      showError(error);
    } finally {
      setUploads((list) => list.filter((u) => u.id !== upload.id));
      transfers.clear({ name: upload.name });
    }
  };

  return (
    <form
      className="composer"
      data-testid="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      {menuOpen && (
        <MentionMenu
          id={menuId}
          options={options}
          active={activeIndex}
          optionId={(i) => `${menuId}-${i}`}
          onActive={setActive}
          onPick={pick}
        />
      )}
      {(attachments.length > 0 || uploads.length > 0) && (
        <ul className="composer__files" aria-label="Attached files">
          {attachments.map((a) => (
            <li key={a.sha256} className="composer__file" data-testid="composer-attachment">
              <FileIcon size={14} />
              <span className="composer__file-name">{a.name}</span>
              <span className="composer__file-size">{formatSize(a.size)}</span>
              <button
                type="button"
                className="icon-button icon-button--sm"
                aria-label={`Remove ${a.name}`}
                onClick={() => setAttachments((list) => list.filter((x) => x.sha256 !== a.sha256))}
              >
                <CloseIcon size={12} />
              </button>
            </li>
          ))}
          {uploads.map((u) => (
            <li key={u.id} className="composer__file is-uploading" data-testid="composer-upload">
              <FileIcon size={14} />
              <span className="composer__file-name">{u.name}</span>
              <ProgressBar progress={transfers.progressOf({ name: u.name })} label={`Uploading ${u.name}`} />
            </li>
          ))}
        </ul>
      )}
      <div className="composer__box">
        <button
          type="button"
          className="icon-button"
          data-testid="attach-file"
          aria-label="Attach file"
          title="Attach file"
          onClick={() => void attach()}
        >
          <PaperclipIcon />
        </button>
        <textarea
          ref={inputRef}
          className="composer__input"
          rows={1}
          value={body}
          placeholder={placeholder}
          aria-label={label}
          aria-autocomplete="list"
          aria-controls={menuOpen ? menuId : undefined}
          aria-expanded={menuOpen}
          aria-activedescendant={menuOpen ? `${menuId}-${activeIndex}` : undefined}
          data-testid={inputTestId}
          onChange={(event) => change(event.target.value, event.target.selectionStart ?? event.target.value.length)}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart ?? 0)}
          onFocus={() => setFocused(true)}
          // Choosing from the list keeps focus here (its options stop mousedown).
          onBlur={() => setFocused(false)}
          onKeyDown={(event) => {
            if (event.nativeEvent.isComposing) return;
            if (menuOpen && mention) {
              if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                event.preventDefault();
                const step = event.key === 'ArrowDown' ? 1 : -1;
                setActive((activeIndex + step + options.length) % options.length);
                return;
              }
              if (event.key === 'Enter' || event.key === 'Tab') {
                event.preventDefault();
                pick(options[activeIndex]);
                return;
              }
              if (event.key === 'Escape') {
                event.preventDefault();
                event.stopPropagation();
                setDismissedAt(mention.start);
                return;
              }
            }
            if (event.key === 'Enter' && !event.shiftKey) {
              event.preventDefault();
              void send();
            } else if (event.key === 'Escape' && body) {
              // Keep a half-written message: Escape only leaves the field.
              event.preventDefault();
              event.stopPropagation();
              event.currentTarget.blur();
            }
          }}
        />
        <button
          type="submit"
          className="icon-button composer__send"
          data-testid={sendTestId}
          aria-label="Send"
          title="Send (Enter)"
          disabled={busy || uploads.length > 0}
        >
          <SendIcon />
        </button>
      </div>
    </form>
  );
}

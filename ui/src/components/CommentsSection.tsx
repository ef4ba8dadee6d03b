import { useState } from 'react';
import type { Comment } from '../api';
import { formatFull, relativeTime } from '../lib/dates';
import { isMac, isSubmitChord } from '../lib/keyboard';
import { useNow } from '../state/useNow';
import { Avatar } from './Avatar';

interface CommentsSectionProps {
  comments: Comment[];
  /** Resolves true when the comment was saved. */
  onSubmit: (body: string) => Promise<boolean>;
}

export function CommentsSection({ comments, onSubmit }: CommentsSectionProps) {
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const now = useNow();

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    const ok = await onSubmit(body);
    setBusy(false);
    if (ok) setBody('');
  };

  return (
    <div className="comments">
      {comments.length === 0 ? (
        <p className="comments__empty">No comments yet.</p>
      ) : (
        <ol className="comments__list">
          {comments.map((comment) => (
            <li key={comment.id} className="comment" data-testid="comment">
              <Avatar id={comment.author} name={comment.authorName} decorative />
              <div className="comment__main">
                <div className="comment__head">
                  <span className="comment__author">{comment.authorName}</span>
                  <time
                    className="comment__time"
                    dateTime={new Date(comment.createdAt).toISOString()}
                    title={formatFull(comment.createdAt)}
                  >
                    {relativeTime(comment.createdAt, now)}
                  </time>
                </div>
                <p className="comment__body">{comment.body}</p>
              </div>
            </li>
          ))}
        </ol>
      )}
      <form
        className="comments__form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <textarea
          className="textarea comments__input"
          rows={3}
          value={body}
          placeholder="Leave a comment…"
          aria-label="Comment"
          data-testid="comment-input"
          onChange={(event) => setBody(event.target.value)}
          onKeyDown={(event) => {
            if (isSubmitChord(event)) {
              event.preventDefault();
              void submit();
            } else if (event.key === 'Escape' && body.trim()) {
              // Keep a half-written comment: the first Escape only leaves the field.
              event.preventDefault();
              event.stopPropagation();
              event.currentTarget.blur();
            }
          }}
        />
        <div className="comments__actions">
          <span className="comments__hint">
            <kbd>{isMac ? '⌘' : 'Ctrl'}</kbd> <kbd>Enter</kbd> to send
          </span>
          <button type="submit" className="button button--primary" data-testid="comment-submit" disabled={busy}>
            Comment
          </button>
        </div>
      </form>
    </div>
  );
}

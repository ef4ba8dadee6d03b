import { useRef, useState } from 'react';
import type { Reaction } from '../../api';
import { useDismiss } from '../../state/useDismiss';
import { SmileIcon } from '../icons';

/** The handful of reactions the picker offers. */
export const QUICK_REACTIONS = ['👍', '❤️', '😂', '🎉', '👀', '✅'];

interface ReactionBarProps {
  reactions: Reaction[];
  me: string | undefined;
  nameOf: (userId: string) => string;
  onToggle: (emoji: string) => void;
}

/** Reactions as chips; mine are highlighted, and a click toggles mine. */
export function ReactionBar({ reactions, me, nameOf, onToggle }: ReactionBarProps) {
  const shown = reactions.filter((r) => r.users.length > 0);
  if (shown.length === 0) return null;
  return (
    <div className="reactions" data-testid="reactions">
      {shown.map((reaction) => {
        const mine = me !== undefined && reaction.users.includes(me);
        const names = reaction.users.map((u) => (u === me ? 'You' : nameOf(u)));
        return (
          <button
            key={reaction.emoji}
            type="button"
            className={`reaction${mine ? ' is-mine' : ''}`}
            data-testid="reaction"
            data-emoji={reaction.emoji}
            aria-pressed={mine}
            aria-label={`${reaction.emoji} ${reaction.users.length}: ${names.join(', ')}`}
            title={names.join(', ')}
            onClick={() => onToggle(reaction.emoji)}
          >
            <span className="reaction__emoji" aria-hidden="true">
              {reaction.emoji}
            </span>
            <span className="reaction__count" data-testid="reaction-count">
              {reaction.users.length}
            </span>
          </button>
        );
      })}
    </div>
  );
}

/** A button that opens a row of quick reactions. */
export function ReactionPicker({ onPick }: { onPick: (emoji: string) => void }) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLSpanElement>(null);
  useDismiss(open, rootRef, () => setOpen(false));
  return (
    <span className="reaction-picker" ref={rootRef}>
      <button
        type="button"
        className="icon-button icon-button--sm"
        data-testid="reaction-picker-button"
        aria-label="Add reaction"
        title="Add reaction"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <SmileIcon size={14} />
      </button>
      {open && (
        <span className="reaction-picker__menu" role="menu" aria-label="Reactions">
          {QUICK_REACTIONS.map((emoji) => (
            <button
              key={emoji}
              type="button"
              role="menuitem"
              className="reaction-picker__option"
              data-testid="reaction-option"
              aria-label={`React with ${emoji}`}
              onClick={() => {
                setOpen(false);
                onPick(emoji);
              }}
            >
              {emoji}
            </button>
          ))}
        </span>
      )}
    </span>
  );
}

import { useEffect, useRef, useState } from 'react';

/** How long typing pauses before a free-text answer is saved. */
export const TEXT_SAVE_DELAY_MS = 500;

interface TextAnswerProps {
  value: string;
  labelledBy: string;
  onAnswer: (text: string) => void;
}

/** A free-text answer: saved when typing pauses, on leaving the field, and when it goes away. */
export function TextAnswer({ value, labelledBy, onAnswer }: TextAnswerProps) {
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const unsaved = useRef<string | null>(null);
  const save = useRef(onAnswer);
  save.current = onAnswer;

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (unsaved.current !== null) {
      const pending = unsaved.current;
      unsaved.current = null;
      save.current(pending);
    }
  };

  // Leaving the step (or the screen) saves what was typed.
  useEffect(() => flush, []);

  return (
    <textarea
      className="textarea question-input__text"
      rows={4}
      aria-labelledby={labelledBy}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        unsaved.current = e.target.value;
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(flush, TEXT_SAVE_DELAY_MS);
      }}
      onBlur={flush}
    />
  );
}

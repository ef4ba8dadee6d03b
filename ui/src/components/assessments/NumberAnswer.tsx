import { useId, useState } from 'react';

interface NumberAnswerProps {
  min: number;
  max: number;
  value: number | null;
  labelledBy: string;
  onAnswer: (value: number | null) => void;
}

/** A whole number within a wide scale; saved as soon as it is a valid one. */
export function NumberAnswer({ min, max, value, labelledBy, onAnswer }: NumberAnswerProps) {
  const [text, setText] = useState(value === null ? '' : String(value));
  const hintId = useId();
  const n = Number(text);
  const valid = text.trim() === '' || (Number.isInteger(n) && n >= min && n <= max);
  return (
    <div className="question-input__number">
      <input
        className="input"
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        aria-labelledby={labelledBy}
        aria-describedby={hintId}
        aria-invalid={!valid || undefined}
        value={text}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const parsed = Number(next);
          if (next.trim() === '') onAnswer(null);
          else if (Number.isInteger(parsed) && parsed >= min && parsed <= max) onAnswer(parsed);
        }}
      />
      <span id={hintId} className={valid ? 'question-input__hint' : 'field__error'}>
        A whole number from {min} to {max}.
      </span>
    </div>
  );
}

import { useId, useRef } from 'react';
import { MAX_PULSE_QUESTIONS } from '../../lib/pulse';
import { PlusIcon, TrashIcon } from '../icons';
import './PulseQuestionsEditor.css';

interface PulseQuestionsEditorProps {
  questions: string[];
  onChange: (questions: string[]) => void;
  /** Describes the whole list (say, why it was refused). */
  describedBy?: string;
  invalid?: boolean;
}

/** The survey's statements: write, add (up to ten) and remove. */
export function PulseQuestionsEditor({ questions, onChange, describedBy, invalid }: PulseQuestionsEditorProps) {
  const baseId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const focusInput = (index: number) =>
    requestAnimationFrame(() => listRef.current?.querySelectorAll<HTMLInputElement>('input')[index]?.focus());

  const add = () => {
    onChange([...questions, '']);
    focusInput(questions.length);
  };
  const remove = (index: number) => {
    onChange(questions.filter((_, i) => i !== index));
    focusInput(Math.max(0, index - 1));
  };

  return (
    <div className="pulse-questions">
      <ol ref={listRef} className="pulse-questions__list">
        {questions.map((q, i) => (
          <li key={i} className="pulse-questions__row">
            <label htmlFor={`${baseId}-${i}`} className="pulse-questions__label">
              Statement {i + 1}
            </label>
            <input
              id={`${baseId}-${i}`}
              className="input"
              data-testid={`pulse-question-input-${i}`}
              value={q}
              maxLength={300}
              placeholder={i === 0 ? 'For example: I can focus on my work.' : undefined}
              aria-invalid={invalid && q.trim() === '' ? true : undefined}
              aria-describedby={describedBy}
              onChange={(e) => onChange(questions.map((x, j) => (j === i ? e.target.value : x)))}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && i === questions.length - 1 && q.trim() && questions.length < MAX_PULSE_QUESTIONS) {
                  e.preventDefault();
                  add();
                }
              }}
            />
            <button
              type="button"
              className="icon-button icon-button--danger"
              aria-label={`Remove statement ${i + 1}`}
              title="Remove"
              data-testid={`pulse-question-remove-${i}`}
              disabled={questions.length <= 1}
              onClick={() => remove(i)}
            >
              <TrashIcon size={14} />
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--ghost pulse-questions__add"
        data-testid="pulse-question-add"
        disabled={questions.length >= MAX_PULSE_QUESTIONS}
        onClick={add}
      >
        <PlusIcon size={14} />
        {questions.length >= MAX_PULSE_QUESTIONS ? `${MAX_PULSE_QUESTIONS} statements at most` : 'Add a statement'}
      </button>
    </div>
  );
}

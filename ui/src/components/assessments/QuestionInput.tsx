import { useId } from 'react';
import type { Answer, Question } from '../../api';
import { isAnswered, LIKERT_LABELS } from '../../lib/assessments';
import { FieldError } from '../Field';
import { NumberAnswer } from './NumberAnswer';
import { TextAnswer } from './TextAnswer';
import './QuestionInput.css';

interface QuestionInputProps {
  question: Question;
  answer: Answer | undefined;
  /** null clears the answer. */
  onAnswer: (answer: Answer | null) => void;
  /** Submitting found this required question blank. */
  missing: boolean;
}

/** One question, asked with the input that fits its kind; every change is an answer. */
export function QuestionInput({ question: q, answer, onAnswer, missing }: QuestionInputProps) {
  const legendId = useId();
  const hintId = useId();
  const name = `answer-${q.id}`;
  const answered = isAnswered(answer);

  const radios = (choices: { value: string; label: string; checked: boolean; pick: () => void }[], layout: 'column' | 'row' = 'column') => (
    <div className={`question-input__choices question-input__choices--${layout}`}>
      {choices.map((c) => (
        <label key={c.value} className="question-input__choice">
          <input type="radio" name={name} value={c.value} checked={c.checked} onChange={c.pick} />
          <span>{c.label}</span>
        </label>
      ))}
    </div>
  );

  let body;
  const kind = q.kind;
  switch (kind.type) {
    case 'single_choice':
      body = radios(
        kind.options.map((o) => ({
          value: o,
          label: o,
          checked: answer?.type === 'choice' && answer.value === o,
          pick: () => onAnswer({ type: 'choice', value: o }),
        })),
      );
      break;
    case 'multiple_choice': {
      const picked = answer?.type === 'choices' ? answer.value : [];
      const toggle = (o: string) => {
        const next = kind.options.filter((x) => (x === o ? !picked.includes(o) : picked.includes(x)));
        onAnswer(next.length ? { type: 'choices', value: next } : null);
      };
      body = (
        <div className="question-input__choices question-input__choices--column">
          {kind.options.map((o) => (
            <label key={o} className="question-input__choice">
              <input type="checkbox" name={name} checked={picked.includes(o)} onChange={() => toggle(o)} />
              <span>{o}</span>
            </label>
          ))}
        </div>
      );
      break;
    }
    case 'likert':
      body = radios(
        LIKERT_LABELS.map((label, i) => ({
          value: String(i + 1),
          label: `${i + 1} ${label}`,
          checked: answer?.type === 'number' && answer.value === i + 1,
          pick: () => onAnswer({ type: 'number', value: i + 1 }),
        })),
        'row',
      );
      break;
    case 'scale':
      body =
        kind.max - kind.min <= 10 ? (
          radios(
            Array.from({ length: kind.max - kind.min + 1 }, (_, i) => kind.min + i).map((n) => ({
              value: String(n),
              label: String(n),
              checked: answer?.type === 'number' && answer.value === n,
              pick: () => onAnswer({ type: 'number', value: n }),
            })),
            'row',
          )
        ) : (
          <NumberAnswer
            min={kind.min}
            max={kind.max}
            value={answer?.type === 'number' ? answer.value : null}
            labelledBy={legendId}
            onAnswer={(n) => onAnswer(n === null ? null : { type: 'number', value: n })}
          />
        );
      break;
    case 'yes_no':
      body = radios(
        [true, false].map((yes) => ({
          value: yes ? 'yes' : 'no',
          label: yes ? 'Yes' : 'No',
          checked: answer?.type === 'yes_no' && answer.value === yes,
          pick: () => onAnswer({ type: 'yes_no', value: yes }),
        })),
        'row',
      );
      break;
    case 'free_text':
      body = (
        <TextAnswer
          value={answer?.type === 'text' ? answer.value : ''}
          labelledBy={legendId}
          onAnswer={(text) => onAnswer(text.trim() ? { type: 'text', value: text } : null)}
        />
      );
      break;
  }

  return (
    <fieldset
      id={`question-${q.id}`}
      className={`question-input${missing ? ' is-missing' : ''}`}
      tabIndex={-1}
      data-testid={`question-${q.id}`}
      aria-describedby={missing ? hintId : undefined}
    >
      <legend id={legendId} className="question-input__prompt">
        {q.prompt}
        <span className="question-input__tag">{q.required ? 'Required' : 'Optional'}</span>
      </legend>
      {kind.type === 'likert' && <p className="question-input__hint">1 means strongly disagree, 5 strongly agree.</p>}
      {body}
      {missing && <FieldError id={hintId} testId="question-missing" message="This question needs an answer before you submit." />}
      {answered && kind.type !== 'free_text' && !(kind.type === 'scale' && kind.max - kind.min > 10) && (
        <button type="button" className="button button--ghost question-input__clear" onClick={() => onAnswer(null)}>
          Clear answer
        </button>
      )}
    </fieldset>
  );
}

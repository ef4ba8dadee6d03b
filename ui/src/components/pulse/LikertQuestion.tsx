import { LIKERT_LABELS } from '../../lib/assessments';
import './LikertQuestion.css';

interface LikertQuestionProps {
  /** Unique on the page: names the radio group. */
  id: string;
  prompt: string;
  number: number;
  value: number | undefined;
  onChange: (value: number) => void;
  /** Sending found it blank. */
  missing: boolean;
  missingId?: string;
}

/** One statement, answered 1 (strongly disagree) to 5 (strongly agree) with radio buttons; arrows move between them. */
export function LikertQuestion({ id, prompt, number, value, onChange, missing, missingId }: LikertQuestionProps) {
  return (
    <fieldset
      className={`likert${missing ? ' is-missing' : ''}`}
      data-testid={`pulse-question-${id}`}
      aria-describedby={missing ? missingId : undefined}
    >
      <legend className="likert__prompt">
        <span className="likert__number" aria-hidden="true">
          {number}.
        </span>{' '}
        {prompt}
      </legend>
      <div className="likert__scale">
        {LIKERT_LABELS.map((label, i) => {
          const v = i + 1;
          return (
            <label key={v} className="likert__choice">
              <input
                type="radio"
                name={`pulse-${id}`}
                value={v}
                checked={value === v}
                aria-label={`${v} ${label}`}
                data-testid={`pulse-answer-${id}-${v}`}
                onChange={() => onChange(v)}
              />
              <span className="likert__value" aria-hidden="true">
                {v}
              </span>
              <span className="likert__label" aria-hidden="true">
                {label}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

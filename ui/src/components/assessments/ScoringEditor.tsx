import { useId } from 'react';
import type { Question, Scoring } from '../../api';
import { defaultScoring, RULE_LABEL, scoringRules } from '../../lib/assessments';
import { Field } from '../Field';

interface ScoringEditorProps {
  question: Question;
  onChange: (scoring: Scoring) => void;
}

/** How a question counts: not at all, higher/lower is better, points per option, or an expected answer. */
export function ScoringEditor({ question, onChange }: ScoringEditorProps) {
  const ruleId = useId();
  const { scoring, kind } = question;
  return (
    <div className="question-editor__scoring">
      <Field htmlFor={ruleId} label="Scoring">
        <select
          id={ruleId}
          className="select"
          data-testid="question-scoring"
          value={scoring.rule}
          onChange={(e) => onChange(defaultScoring(kind, e.target.value as Scoring['rule']))}
        >
          {scoringRules(kind).map((rule) => (
            <option key={rule} value={rule}>
              {rule === 'points' ? 'Points per option (set beside each option)' : RULE_LABEL[rule]}
            </option>
          ))}
        </select>
      </Field>
      {scoring.rule === 'linear' && (
        <label className="check">
          <input type="checkbox" checked={scoring.reverse} onChange={(e) => onChange({ rule: 'linear', reverse: e.target.checked })} />
          Reverse: a lower answer is better
        </label>
      )}
      {scoring.rule === 'expect' && (
        <fieldset className="question-editor__inline">
          <legend className="field__label">Expected answer</legend>
          {[true, false].map((yes) => (
            <label key={String(yes)} className="check">
              <input
                type="radio"
                name={`${ruleId}-expect`}
                checked={scoring.yes === yes}
                onChange={() => onChange({ rule: 'expect', yes })}
              />
              {yes ? 'Yes' : 'No'}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}

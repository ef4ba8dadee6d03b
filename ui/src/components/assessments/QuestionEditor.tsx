import { useId } from 'react';
import type { Question, QuestionType } from '../../api';
import { defaultKind, fitScoring, KIND_LABEL } from '../../lib/assessments';
import { Field } from '../Field';
import { TrashIcon } from '../icons';
import { OptionsEditor, pointsOf } from './OptionsEditor';
import { ScoringEditor } from './ScoringEditor';
import './QuestionEditor.css';

interface QuestionEditorProps {
  question: Question;
  /** 1-based, for labels. */
  number: number;
  onChange: (question: Question) => void;
  onRemove: () => void;
  onMove: (by: -1 | 1) => void;
  first: boolean;
  last: boolean;
}

const TYPES = Object.keys(KIND_LABEL) as QuestionType[];
/** A scale's two ends, each with its own number field. */
const SCALE_ENDS = [
  ['min', 'Lowest'],
  ['max', 'Highest'],
] as const;

/** Every part of one question: prompt, kind, options or range, weight, required, scoring. */
export function QuestionEditor({ question: q, number, onChange, onRemove, onMove, first, last }: QuestionEditorProps) {
  const promptId = useId();
  const kindId = useId();
  const weightId = useId();
  const endIds = { min: useId(), max: useId() };
  const kind = q.kind;

  const setKind = (next: Question['kind']) => onChange({ ...q, kind: next, scoring: fitScoring(next, q.scoring) });

  return (
    <li className="question-editor" data-testid="question-editor" aria-label={`Question ${number}`}>
      <div className="question-editor__head">
        <span className="question-editor__number" aria-hidden="true">
          {number}
        </span>
        <Field htmlFor={promptId} label={`Question ${number}`} className="question-editor__prompt">
          <input
            id={promptId}
            className="input"
            data-testid="question-prompt"
            value={q.prompt}
            placeholder="What do you want to ask?"
            onChange={(e) => onChange({ ...q, prompt: e.target.value })}
          />
        </Field>
        <div className="question-editor__tools">
          <button type="button" className="icon-button" aria-label={`Move question ${number} up`} disabled={first} onClick={() => onMove(-1)}>
            ↑
          </button>
          <button type="button" className="icon-button" aria-label={`Move question ${number} down`} disabled={last} onClick={() => onMove(1)}>
            ↓
          </button>
          <button type="button" className="icon-button icon-button--danger" aria-label={`Remove question ${number}`} onClick={onRemove}>
            <TrashIcon size={14} />
          </button>
        </div>
      </div>
      <div className="question-editor__grid">
        <Field htmlFor={kindId} label="Kind">
          <select
            id={kindId}
            className="select"
            data-testid="question-kind"
            value={kind.type}
            onChange={(e) => setKind(defaultKind(e.target.value as QuestionType, kind))}
          >
            {TYPES.map((t) => (
              <option key={t} value={t}>
                {KIND_LABEL[t]}
              </option>
            ))}
          </select>
        </Field>
        <Field htmlFor={weightId} label="Weight">
          <input
            id={weightId}
            className="input"
            type="number"
            min={0}
            step="any"
            data-testid="question-weight"
            value={Number.isFinite(q.weight) ? q.weight : ''}
            onChange={(e) => onChange({ ...q, weight: e.target.value === '' ? 0 : Number(e.target.value) })}
          />
        </Field>
        <label className="check question-editor__required">
          <input type="checkbox" data-testid="question-required" checked={q.required} onChange={(e) => onChange({ ...q, required: e.target.checked })} />
          Required
        </label>
      </div>
      {(kind.type === 'single_choice' || kind.type === 'multiple_choice') && (
        <OptionsEditor
          options={kind.options}
          points={pointsOf(q.scoring)}
          onChange={(options, points) =>
            onChange({ ...q, kind: { ...kind, options }, scoring: points ? { rule: 'points', points } : q.scoring })
          }
        />
      )}
      {kind.type === 'scale' && (
        <div className="question-editor__grid">
          {SCALE_ENDS.map(([end, label]) => (
            <Field key={end} htmlFor={endIds[end]} label={label}>
              <input
                id={endIds[end]}
                className="input"
                type="number"
                step={1}
                value={kind[end]}
                onChange={(e) => setKind({ ...kind, [end]: Math.trunc(Number(e.target.value)) })}
              />
            </Field>
          ))}
        </div>
      )}
      <ScoringEditor question={q} onChange={(scoring) => onChange({ ...q, scoring })} />
    </li>
  );
}

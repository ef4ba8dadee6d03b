import type { Scoring } from '../../api';
import { PlusIcon, TrashIcon } from '../icons';

interface OptionsEditorProps {
  options: string[];
  /** Points per option, when the question is scored by points. */
  points: number[] | null;
  onChange: (options: string[], points: number[] | null) => void;
}

/** A choice question's options, each with its points when scored that way. */
export function OptionsEditor({ options, points, onChange }: OptionsEditorProps) {
  const setOption = (i: number, value: string) => onChange(options.map((o, j) => (j === i ? value : o)), points);
  const setPoints = (i: number, value: number) => points && onChange(options, points.map((p, j) => (j === i ? value : p)));
  const remove = (i: number) =>
    onChange(
      options.filter((_, j) => j !== i),
      points && points.filter((_, j) => j !== i),
    );
  const add = () => onChange([...options, `Option ${options.length + 1}`], points && [...points, 0]);
  return (
    <fieldset className="options-editor">
      <legend className="field__label">Options{points && ' and their points'}</legend>
      <ol className="options-editor__list">
        {options.map((option, i) => (
          <li key={i} className="options-editor__row">
            <input
              className="input"
              aria-label={`Option ${i + 1}`}
              data-testid="option-input"
              value={option}
              onChange={(e) => setOption(i, e.target.value)}
            />
            {points && (
              <input
                className="input options-editor__points"
                type="number"
                step="any"
                aria-label={`Points for option ${i + 1}`}
                value={Number.isFinite(points[i]) ? points[i] : ''}
                onChange={(e) => setPoints(i, e.target.value === '' ? 0 : Number(e.target.value))}
              />
            )}
            <button
              type="button"
              className="icon-button icon-button--danger"
              aria-label={`Remove option ${i + 1}`}
              disabled={options.length <= 2}
              onClick={() => remove(i)}
            >
              <TrashIcon size={14} />
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button button--ghost" onClick={add} disabled={options.length >= 20}>
        <PlusIcon size={14} /> Add option
      </button>
    </fieldset>
  );
}

export function pointsOf(scoring: Scoring): number[] | null {
  return scoring.rule === 'points' ? scoring.points : null;
}

import { Meter } from './Meter';
import './WizardProgress.css';

interface WizardProgressProps {
  /** Step names: each section, then the review. */
  steps: string[];
  current: number;
  answered: number;
  total: number;
  onGoTo: (step: number) => void;
}

/** "Step 2 of 3", the steps to jump between, and required questions answered. */
export function WizardProgress({ steps, current, answered, total, onGoTo }: WizardProgressProps) {
  return (
    <div className="wizard-progress">
      <div className="wizard-progress__row">
        <p className="wizard-progress__step" data-testid="wizard-step" aria-live="polite">
          Step {current + 1} of {steps.length}
        </p>
        <p className="wizard-progress__count" data-testid="wizard-answered">
          {answered} of {total} required answered
        </p>
      </div>
      <Meter
        value={answered}
        max={total}
        label="Required questions answered"
        testId="wizard-progress"
        tone={total > 0 && answered === total ? 'done' : 'accent'}
      />
      <ol className="wizard-progress__steps" aria-label="Steps">
        {steps.map((name, i) => (
          <li key={`${i}-${name}`}>
            <button
              type="button"
              className={`wizard-progress__link${i === current ? ' is-current' : ''}`}
              aria-current={i === current ? 'step' : undefined}
              onClick={() => onGoTo(i)}
            >
              <span className="wizard-progress__number" aria-hidden="true">
                {i + 1}
              </span>
              {name}
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}

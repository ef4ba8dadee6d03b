import type { PulseView } from '../../api';
import { formatDue } from '../../lib/dates';
import { nextPeriodStart, PERIOD_WORD } from '../../lib/pulse';
import './PulseThanks.css';

interface PulseThanksProps {
  survey: PulseView;
  period: string;
  threshold: number | null;
}

/** After answering: thanks, when the survey asks again, and what becomes of the answer. */
export function PulseThanks({ survey, period, threshold }: PulseThanksProps) {
  const word = PERIOD_WORD[survey.cadence];
  const next = nextPeriodStart(survey, period);
  return (
    <section className="sheet pulse-thanks" data-testid="pulse-thanks" aria-labelledby="pulse-thanks-title">
      <span className="pulse-thanks__mark" aria-hidden="true">
        ✓
      </span>
      <div>
        <h3 id="pulse-thanks-title" className="pulse-thanks__title">
          Thanks — you answered this {word}
        </h3>
        {next && (
          <p className="pulse-thanks__next" data-testid="pulse-next-period">
            The next {word} starts on {formatDue(next)}; you will get a reminder then.
          </p>
        )}
        <p className="sheet__hint">
          Your answer counts in this {word}’s totals, which your manager sees only once
          {threshold === null ? ' enough people' : ` at least ${threshold} people`} have answered. It cannot be changed now.
        </p>
      </div>
    </section>
  );
}

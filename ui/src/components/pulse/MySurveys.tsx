import type { PulseView } from '../../api';
import { formatDue } from '../../lib/dates';
import { awaitsMe, CADENCE_LABEL, nextPeriodStart, PERIOD_WORD } from '../../lib/pulse';
import { Sheet } from '../Sheet';
import './MySurveys.css';

interface MySurveysProps {
  surveys: PulseView[];
  manager: boolean;
  teamName: string;
  onOpen: (surveyId: string) => void;
}

/** The team's running surveys as I take part in them: what waits on me first. */
export function MySurveys({ surveys, manager, teamName, onOpen }: MySurveysProps) {
  const active = surveys.filter((s) => s.active);
  const ordered = [...active.filter(awaitsMe), ...active.filter((s) => !awaitsMe(s))];
  return (
    <Sheet titleId="pulse-mine-title" title="Your surveys" testId="pulse-mine">
      {ordered.length === 0 ? (
        <p className="sheet__hint" data-testid="pulse-mine-empty">
          {manager
            ? `No survey is running in ${teamName}. Start one with “New survey”: a few statements everyone answers from 1 to 5.`
            : `No survey is running in ${teamName}. When a manager starts one, it shows up here and you get a reminder each time it asks again.`}
        </p>
      ) : (
        <ul className="item-list my-surveys" aria-label="Running surveys">
          {ordered.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className={`item-list__item${awaitsMe(s) ? ' is-waiting' : ''}`}
                data-testid={`pulse-item-${s.id}`}
                onClick={() => onOpen(s.id)}
              >
                <span className="item-list__title">{s.title}</span>
                <span className="item-list__meta">
                  <span>{CADENCE_LABEL[s.cadence]}</span>
                  <span className="my-survey__state" data-testid={`pulse-item-state-${s.id}`}>
                    {stateText(s)}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Sheet>
  );
}

function stateText(s: PulseView): string {
  const word = PERIOD_WORD[s.cadence];
  if (s.currentPeriod === null) return `Starts ${formatDue(s.starts)}`;
  if (!s.answered) return `Waiting on you this ${word}`;
  const next = nextPeriodStart(s, s.currentPeriod);
  return next ? `Answered · next ${word} starts ${formatDue(next)}` : `Answered this ${word}`;
}

import type { PulseView } from '../../api';
import { formatDue } from '../../lib/dates';
import { CADENCE_LABEL } from '../../lib/pulse';
import { EmptyNote } from '../EmptyNote';
import { Sheet } from '../Sheet';
import './ManagedSurveys.css';

interface ManagedSurveysProps {
  surveys: PulseView[];
  onNew: () => void;
  onResults: (surveyId: string) => void;
  onEdit: (surveyId: string) => void;
}

/** Every survey of the team, running or paused, with its figures and settings a click away. */
export function ManagedSurveys({ surveys, onNew, onResults, onEdit }: ManagedSurveysProps) {
  return (
    <Sheet titleId="pulse-manage-title" title="Team surveys" testId="pulse-manage">
      {surveys.length === 0 ? (
        <EmptyNote title="No surveys yet" testId="pulse-empty" action={{ label: 'New survey', onClick: onNew }}>
          Ask a few statements (“I can focus on my work”) every week, fortnight or month, and follow how the answers move.
          Answers stay anonymous: you see totals only.
        </EmptyNote>
      ) : (
        <ul className="managed-surveys">
          {surveys.map((s) => (
            <li key={s.id} className="managed-survey" data-testid={`pulse-managed-${s.id}`}>
              <span className="managed-survey__text">
                <span className="managed-survey__title">{s.title}</span>
                <span className="managed-survey__meta">
                  {CADENCE_LABEL[s.cadence]} · {s.questions.length} {s.questions.length === 1 ? 'question' : 'questions'} ·{' '}
                  {s.currentPeriod === null ? `starts ${formatDue(s.starts)}` : `since ${formatDue(s.starts)}`}
                  {!s.active && <span className="managed-survey__paused"> · paused</span>}
                </span>
              </span>
              <span className="managed-survey__actions">
                <button
                  type="button"
                  className="button button--ghost"
                  data-testid={`pulse-edit-${s.id}`}
                  aria-label={`Edit ${s.title}`}
                  onClick={() => onEdit(s.id)}
                >
                  Edit
                </button>
                <button
                  type="button"
                  className="button"
                  data-testid={`pulse-results-open-${s.id}`}
                  aria-label={`Results of ${s.title}`}
                  onClick={() => onResults(s.id)}
                >
                  Results
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Sheet>
  );
}

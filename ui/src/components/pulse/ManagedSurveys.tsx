import type { PulseView } from '../../api';
import { formatDue } from '../../lib/dates';
import { CADENCE_LABEL } from '../../lib/pulse';
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
    <section className="sheet" aria-labelledby="pulse-manage-title" data-testid="pulse-manage">
      <h3 id="pulse-manage-title" className="sheet__title">
        Team surveys
      </h3>
      {surveys.length === 0 ? (
        <div className="empty-note" data-testid="pulse-empty">
          <strong>No surveys yet</strong>
          Ask a few statements (“I can focus on my work”) every week, fortnight or month, and follow how the answers move.
          Answers stay anonymous: you see totals only.
          <br />
          <button type="button" className="button button--primary" onClick={onNew}>
            New survey
          </button>
        </div>
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
    </section>
  );
}

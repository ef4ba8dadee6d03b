import { api, hasCode, type PulseView } from '../../api';
import { formatDue } from '../../lib/dates';
import { explainError } from '../../lib/errorText';
import { CADENCE_LABEL, PERIOD_WORD, periodLabel } from '../../lib/pulse';
import type { PulseRoute } from '../../state/pages';
import { useToasts } from '../../state/toasts';
import { ScreenHeader } from '../assessments/ScreenHeader';
import { EmptyNote } from '../EmptyNote';
import { PulseAnswerForm } from './PulseAnswerForm';
import { PulseThanks } from './PulseThanks';

interface PulseSurveyScreenProps {
  teamId: string;
  survey: PulseView;
  manager: boolean;
  /** The team's anonymity threshold; null when the core does not say it. */
  threshold: number | null;
  onBack: () => void;
  onNavigate: (route: PulseRoute) => void;
  onAnswered: (survey: PulseView) => void;
  onStale: () => void;
}

/** One survey as I take part in it: this period's form, or thanks once I answered. */
export function PulseSurveyScreen({ teamId, survey, manager, threshold, onBack, onNavigate, onAnswered, onStale }: PulseSurveyScreenProps) {
  const { showError } = useToasts();
  const word = PERIOD_WORD[survey.cadence];

  /** Resolves with null when the answer went in, else with what the form should say. */
  const send = async (answers: Record<string, number>, comment: string | undefined): Promise<string | null> => {
    try {
      onAnswered(await api.pulseAnswer(teamId, survey.id, answers, comment));
      return null;
    } catch (error) {
      // The core takes one answer per person and period; a second is refused.
      const refusal = hasCode(error, 'already_answered')
        ? `You already answered this ${word}. Each person answers once a ${word}; the next ${word} brings a new form.`
        : null;
      const e = explainError(error);
      showError(refusal ? { code: e.code, message: refusal } : e);
      onStale();
      return refusal ?? e.message;
    }
  };

  let body;
  if (!survey.active) {
    body = (
      <EmptyNote title="This survey is paused" testId="pulse-paused">
        There is nothing to answer until a manager turns it back on.
      </EmptyNote>
    );
  } else if (survey.currentPeriod === null) {
    body = (
      <EmptyNote title={`Starts ${formatDue(survey.starts)}`} testId="pulse-not-started">
        You will get a reminder when the first {word} begins.
      </EmptyNote>
    );
  } else if (survey.answered) {
    body = <PulseThanks survey={survey} period={survey.currentPeriod} threshold={threshold} />;
  } else {
    body = <PulseAnswerForm survey={survey} threshold={threshold} onSend={send} />;
  }

  return (
    <div data-testid="pulse-survey" data-pulse-id={survey.id}>
      <ScreenHeader
        title={survey.title}
        titleTestId="pulse-heading"
        subtitle={
          <>
            {CADENCE_LABEL[survey.cadence]}
            {survey.currentPeriod && <> · {periodLabel(survey.cadence, survey.currentPeriod)}</>}
          </>
        }
        onBack={onBack}
        backLabel="All surveys"
      >
        {manager && (
          <>
            <button type="button" className="button" data-testid="pulse-edit-open" onClick={() => onNavigate({ screen: 'edit', id: survey.id })}>
              Edit survey
            </button>
            <button
              type="button"
              className="button button--primary"
              data-testid="pulse-results-open"
              onClick={() => onNavigate({ screen: 'results', id: survey.id })}
            >
              Results
            </button>
          </>
        )}
      </ScreenHeader>
      {body}
    </div>
  );
}

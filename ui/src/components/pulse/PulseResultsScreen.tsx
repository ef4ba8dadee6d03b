import { useCallback } from 'react';
import { api, type PulsePeriod, type PulseView } from '../../api';
import { explainError } from '../../lib/errorText';
import { CADENCE_LABEL } from '../../lib/pulse';
import { useToasts } from '../../state/toasts';
import { useKindsChanged } from '../../state/useKindsChanged';
import { useResource } from '../../state/useResource';
import { Loading } from '../assessments/Loading';
import { ScreenHeader } from '../assessments/ScreenHeader';
import { EmptyNote } from '../EmptyNote';
import { PeriodResults } from './PeriodResults';
import { PulseTrend } from './PulseTrend';
import './PulseResults.css';

interface PulseResultsScreenProps {
  teamId: string;
  survey: PulseView;
  onBack: () => void;
}

/** A survey's figures, period by period (newest first), and how each statement moved. Managers only. */
export function PulseResultsScreen({ teamId, survey, onBack }: PulseResultsScreenProps) {
  const { showError } = useToasts();
  const onError = useCallback((e: unknown) => showError(explainError(e)), [showError]);
  const results = useResource(`pulse-results:${teamId}:${survey.id}`, () => api.pulseResults(teamId, survey.id), onError);
  useKindsChanged(['pulse_results', 'team'], teamId, () => void results.reload());

  const r = results.data;
  const periods = r ? withCurrent(r.periods, survey, r.threshold) : [];
  const hasDepartments = periods.some((p) => Object.keys(p.departments).length > 0);
  const people = useResource(hasDepartments ? `people:${teamId}` : null, () => api.peopleGet(teamId), onError);
  const departmentName = (id: string) => people.data?.departments.find((d) => d.id === id)?.name ?? 'A department';

  return (
    <div data-testid="pulse-results" data-pulse-id={survey.id}>
      <ScreenHeader
        title={`Results: ${survey.title}`}
        subtitle={`${CADENCE_LABEL[survey.cadence]} · totals only; nobody’s own answer is ever shown`}
        onBack={onBack}
        backLabel="Back to the survey"
      />
      {!r ? (
        <Loading label="Loading the figures" />
      ) : periods.length === 0 ? (
        <EmptyNote title="No answers yet" testId="pulse-results-empty">
          {survey.currentPeriod === null
            ? `The survey has not started. Figures for a period appear once ${r.threshold} people have answered it.`
            : `Figures for a period appear once ${r.threshold} people have answered it.`}
        </EmptyNote>
      ) : (
        <>
          <PulseTrend survey={survey} periods={periods} />
          {periods.map((p) => (
            <PeriodResults key={p.period} survey={survey} period={p} threshold={r.threshold} departmentName={departmentName} />
          ))}
        </>
      )}
    </div>
  );
}

/**
 * The periods with answers, plus the current one when nobody answered it yet,
 * so a manager sees "0 answers so far" rather than nothing.
 */
function withCurrent(periods: PulsePeriod[], survey: PulseView, threshold: number): PulsePeriod[] {
  const current = survey.currentPeriod;
  if (!survey.active || current === null || periods.some((p) => p.period === current)) return periods;
  const empty: PulsePeriod = { period: current, received: 0, published: 0, threshold, questions: {}, comments: [], departments: {} };
  return [empty, ...periods].sort((a, b) => b.period.localeCompare(a.period));
}

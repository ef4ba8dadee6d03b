import { api, type AssessmentResults } from '../../api';
import { explainError } from '../../lib/errorText';
import { useToasts } from '../../state/toasts';
import { ASSESSMENT_KINDS, useKindsChanged } from '../../state/useKindsChanged';
import { useResource } from '../../state/useResource';
import { BarChart } from '../charts/BarChart';
import { LineChart } from '../charts/LineChart';
import { EmptyNote } from '../EmptyNote';
import { Sheet } from '../Sheet';
import { ExportButtons } from './ExportButtons';
import { Loading } from './Loading';
import { MemberComparison } from './MemberComparison';
import { QuestionResultCard } from './QuestionResultCard';
import { ResultsSummary } from './ResultsSummary';
import { RunComparison } from './RunComparison';
import { ScreenHeader } from './ScreenHeader';
import './ResultsView.css';

interface ResultsViewProps {
  assessmentId: string;
  teamId: string;
  onBack: () => void;
}

/** Everything the answers say: totals, each question, each person and department, and the trend over runs. */
export function ResultsView({ assessmentId, teamId, onBack }: ResultsViewProps) {
  const { showError } = useToasts();
  const onError = (e: unknown) => showError(explainError(e));
  const results = useResource(`results:${assessmentId}`, () => api.assessmentResults(assessmentId), onError);
  const trend = useResource(`trend:${assessmentId}`, () => api.assessmentTrend(assessmentId), onError);
  useKindsChanged(ASSESSMENT_KINDS, teamId, () => {
    void results.reload();
    void trend.reload();
  });

  const r = results.data;
  return (
    <div data-testid="results-view">
      <ScreenHeader
        title={r ? `Results: ${r.title}` : 'Results'}
        subtitle={r && `Run ${r.run}`}
        onBack={onBack}
        backLabel="Back to the assessment"
      >
        <ExportButtons assessmentId={assessmentId} />
      </ScreenHeader>
      {!r ? (
        <Loading label="Loading the results" />
      ) : (
        <>
          <ResultsSummary results={r} />
          {r.submitted === 0 && (
            <EmptyNote title="No answers yet" testId="results-empty">
              Charts fill in as people submit. Nudge anyone who is late from the assessment’s page.
            </EmptyNote>
          )}
          <div className="results-grid">
            <Sheet titleId="results-members" title="People">
              <BarChart title="Score by person" bars={memberBars(r)} max={100} valueLabel="Score" testId="chart-members" />
            </Sheet>
            {r.departments.length > 0 && (
              <Sheet titleId="results-departments" title="Departments">
                <BarChart
                  title="Average score by department"
                  bars={r.departments.map((d) => ({
                    label: `${d.name} (${d.submitted}/${d.assigned})`,
                    value: d.averageScore,
                  }))}
                  max={100}
                  valueLabel="Average score"
                  testId="chart-departments"
                />
              </Sheet>
            )}
          </div>
          {trend.data && trend.data.length > 0 && (
            <Sheet titleId="results-trend" title="Over time">
              <LineChart
                title="Average score by run"
                points={trend.data.map((t) => ({ label: `Run ${t.run}`, value: t.averageScore, current: t.assessmentId === assessmentId }))}
                valueLabel="Average score"
                testId="chart-trend"
              />
              <RunComparison results={r} trend={trend.data} assessmentId={assessmentId} />
            </Sheet>
          )}
          <Sheet titleId="results-compare" title="Compare two people">
            <MemberComparison members={r.members} questions={r.questions} />
          </Sheet>
          <Sheet titleId="results-questions" title="Question by question">
            <div className="results-questions">
              {r.questions.map((q) => (
                <QuestionResultCard key={q.id} question={q} />
              ))}
            </div>
          </Sheet>
        </>
      )}
    </div>
  );
}

function memberBars(r: AssessmentResults) {
  return r.members.map((m) => ({
    label: m.name,
    value: m.score,
    text: m.score === null ? 'no score yet' : String(m.score),
    tone: m.progress === 'approved' ? ('done' as const) : ('accent' as const),
  }));
}

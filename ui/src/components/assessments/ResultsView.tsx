import { api, type AssessmentResults } from '../../api';
import { explainError } from '../../lib/errorText';
import { useToasts } from '../../state/toasts';
import { ASSESSMENT_KINDS, useKindsChanged } from '../../state/useKindsChanged';
import { useResource } from '../../state/useResource';
import { BarChart } from '../charts/BarChart';
import { LineChart } from '../charts/LineChart';
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
            <p className="empty-note" data-testid="results-empty">
              <strong>No answers yet</strong>
              Charts fill in as people submit. Nudge anyone who is late from the assessment’s page.
            </p>
          )}
          <div className="results-grid">
            <section className="sheet" aria-labelledby="results-members">
              <h3 id="results-members" className="sheet__title">
                People
              </h3>
              <BarChart title="Score by person" bars={memberBars(r)} max={100} valueLabel="Score" testId="chart-members" />
            </section>
            {r.departments.length > 0 && (
              <section className="sheet" aria-labelledby="results-departments">
                <h3 id="results-departments" className="sheet__title">
                  Departments
                </h3>
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
              </section>
            )}
          </div>
          {trend.data && trend.data.length > 0 && (
            <section className="sheet" aria-labelledby="results-trend">
              <h3 id="results-trend" className="sheet__title">
                Over time
              </h3>
              <LineChart
                title="Average score by run"
                points={trend.data.map((t) => ({ label: `Run ${t.run}`, value: t.averageScore, current: t.assessmentId === assessmentId }))}
                valueLabel="Average score"
                testId="chart-trend"
              />
              <RunComparison results={r} trend={trend.data} assessmentId={assessmentId} />
            </section>
          )}
          <section className="sheet" aria-labelledby="results-compare">
            <h3 id="results-compare" className="sheet__title">
              Compare two people
            </h3>
            <MemberComparison members={r.members} questions={r.questions} />
          </section>
          <section className="sheet" aria-labelledby="results-questions">
            <h3 id="results-questions" className="sheet__title">
              Question by question
            </h3>
            <div className="results-questions">
              {r.questions.map((q) => (
                <QuestionResultCard key={q.id} question={q} />
              ))}
            </div>
          </section>
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

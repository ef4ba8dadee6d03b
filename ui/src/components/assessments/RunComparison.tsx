import { useId, useState } from 'react';
import { api, type AssessmentResults, type TrendPoint } from '../../api';
import { formatScore } from '../../lib/assessments';
import { explainError } from '../../lib/errorText';
import { useToasts } from '../../state/toasts';
import { useResource } from '../../state/useResource';
import { Field } from '../Field';
import { TableHead } from '../TableHead';
import { Loading } from './Loading';

interface RunComparisonProps {
  results: AssessmentResults;
  /** Every run of the series. */
  trend: TrendPoint[];
  assessmentId: string;
}

/** This run beside another of the same series: the average score of each question. */
export function RunComparison({ results, trend, assessmentId }: RunComparisonProps) {
  const { showError } = useToasts();
  const others = trend.filter((t) => t.assessmentId !== assessmentId);
  const [other, setOther] = useState(others[others.length - 1]?.assessmentId ?? '');
  const selectId = useId();
  const theirs = useResource(other ? `results:${other}` : null, () => api.assessmentResults(other), (e) => showError(explainError(e)));
  if (others.length === 0) return <p className="sheet__hint">Run it again to compare runs.</p>;
  const otherRun = others.find((t) => t.assessmentId === other)?.run;
  const scoreOf = (r: AssessmentResults | undefined, id: string, prompt: string) =>
    r?.questions.find((q) => q.id === id)?.averageScore ?? r?.questions.find((q) => q.prompt === prompt)?.averageScore ?? null;
  return (
    <div className="comparison" data-testid="run-comparison">
      <div className="comparison__pickers">
        <Field htmlFor={selectId} label={`Compare run ${results.run} with`}>
          <select id={selectId} className="select" data-testid="compare-run" value={other} onChange={(e) => setOther(e.target.value)}>
            {others.map((t) => (
              <option key={t.assessmentId} value={t.assessmentId}>
                Run {t.run}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {theirs.data === undefined ? (
        <Loading label={`Loading run ${otherRun ?? ''}`} lines={2} />
      ) : (
        <table className="data-table comparison__table">
          <caption className="visually-hidden">Average score per question, run {results.run} and run {otherRun}</caption>
          <TableHead columns={['Question', `Run ${results.run}`, `Run ${otherRun ?? ''}`]} />
          <tbody>
            <tr className="comparison__total">
              <th scope="row">Average score</th>
              <td>{formatScore(results.averageScore)}</td>
              <td>{formatScore(theirs.data.averageScore)}</td>
            </tr>
            {results.questions
              .filter((q) => q.averageScore !== null || scoreOf(theirs.data, q.id, q.prompt) !== null)
              .map((q) => (
                <tr key={q.id}>
                  <th scope="row">{q.prompt}</th>
                  <td>{formatScore(q.averageScore)}</td>
                  <td>{formatScore(scoreOf(theirs.data, q.id, q.prompt))}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

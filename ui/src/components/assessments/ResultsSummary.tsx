import type { AssessmentResults } from '../../api';
import { formatScore } from '../../lib/assessments';
import './ResultsSummary.css';

/** Assigned, submitted, approved and the average score, as four tiles. */
export function ResultsSummary({ results }: { results: AssessmentResults }) {
  const tiles: [string, string, string][] = [
    ['Assigned', String(results.assigned), 'summary-assigned'],
    ['Submitted', String(results.submitted), 'summary-submitted'],
    ['Approved', String(results.approved), 'summary-approved'],
    ['Average score', formatScore(results.averageScore), 'summary-average'],
  ];
  return (
    <dl className="results-summary" data-testid="results-summary">
      {tiles.map(([label, value, testId]) => (
        <div key={label} className="results-summary__tile">
          <dt className="results-summary__label">{label}</dt>
          <dd className="results-summary__value" data-testid={testId}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

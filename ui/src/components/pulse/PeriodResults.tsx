import type { PulsePeriod, PulseView } from '../../api';
import { coverage, PERIOD_WORD, periodLabel } from '../../lib/pulse';
import { Meter } from '../assessments/Meter';
import { DepartmentMeans } from './DepartmentMeans';
import { PulseComments } from './PulseComments';
import { QuestionFigures } from './QuestionFigures';

interface PeriodResultsProps {
  survey: PulseView;
  period: PulsePeriod;
  /** The team's threshold now: what the next publication waits for. */
  threshold: number;
  departmentName: (id: string) => string;
}

/** One period: how many answered and, once enough did, each statement's figures, the comments and departments. */
export function PeriodResults({ survey, period: p, threshold, departmentName }: PeriodResultsProps) {
  const label = periodLabel(survey.cadence, p.period);
  const state = coverage(p, threshold);
  const headingId = `pulse-period-${p.period}-title`;
  return (
    <section className="sheet pulse-period" data-testid={`pulse-period-${p.period}`} aria-labelledby={headingId}>
      <div className="pulse-period__head">
        <h3 id={headingId} className="sheet__title pulse-period__title">
          {label}
          {p.period === survey.currentPeriod && <span className="pulse-period__now"> · current {PERIOD_WORD[survey.cadence]}</span>}
        </h3>
      </div>
      {state.pending ? (
        <div className="pulse-period__pending" data-testid="pulse-pending">
          <p className="pulse-period__status" data-testid="pulse-status">
            {state.text}
          </p>
          <Meter value={Math.min(p.received, threshold)} max={threshold} label={`${label}: ${p.received} of ${threshold} answers needed`} />
          <p className="sheet__hint">Nothing is shown before then, so no one’s answer can be told apart.</p>
        </div>
      ) : (
        <>
          <div className="pulse-period__coverage">
            <p className="pulse-period__status" data-testid="pulse-coverage">
              {state.text}
            </p>
            {p.received > p.published && (
              <Meter
                value={p.received - p.published}
                max={threshold}
                label={`${label}: ${p.received - p.published} of ${threshold} more answers before the figures update`}
              />
            )}
          </div>
          <div className="pulse-period__questions">
            {survey.questions.map((q) => {
              const figures = p.questions[q.id];
              return figures ? <QuestionFigures key={q.id} id={q.id} prompt={q.prompt} figures={figures} /> : null;
            })}
          </div>
          {survey.allowComment || p.comments.length > 0 ? <PulseComments comments={p.comments} /> : null}
          <DepartmentMeans departments={p.departments} questions={survey.questions} threshold={threshold} departmentName={departmentName} />
        </>
      )}
    </section>
  );
}

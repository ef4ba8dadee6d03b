import type { AssessmentDetail, AssignmentView, ResponseView } from '../../api';
import { answerText, formatScore, shownScore } from '../../lib/assessments';
import { formatFull } from '../../lib/dates';
import './ResponseReadOnly.css';

interface ResponseReadOnlyProps {
  detail: AssessmentDetail;
  response: ResponseView;
  /** My assignment, for the score once approved. */
  assignment: AssignmentView | undefined;
}

/** What I handed in, where it stands, and once approved my score. */
export function ResponseReadOnly({ detail, response, assignment }: ResponseReadOnlyProps) {
  const approved = assignment?.progress === 'approved';
  return (
    <div className="response-read-only">
      <div className={`sheet response-status${approved ? ' is-approved' : ''}`} role="status" data-testid="response-status">
        {approved ? (
          <>
            <strong>Approved.</strong> Your score:{' '}
            <span className="response-status__score" data-testid="response-score">
              {formatScore(assignment ? shownScore(assignment) : null)}
            </span>
            {assignment?.reviews.length ? (
              <ReviewNote reason={assignment.reviews[assignment.reviews.length - 1].overrideReason} />
            ) : null}
          </>
        ) : (
          <>
            <strong>Submitted</strong>
            {response.submittedAt !== null && <> on {formatFull(response.submittedAt)}</>}. It waits for review; you cannot change it
            unless your manager asks for changes.
          </>
        )}
      </div>
      <section className="sheet" aria-label="Your answers">
        <h3 className="sheet__title">Your answers</h3>
        {detail.sections.map((section) => (
          <div key={section.id} className="response-read-only__section">
            <h4 className="section-label">{section.title}</h4>
            <dl className="answer-list response-read-only__answers">
              {section.questions.map((q) => (
                <div key={q.id} className="answer-list__row">
                  <dt>{q.prompt}</dt>
                  <dd>{answerText(q, response.answers[q.id]) || <span className="answer-list__none">No answer</span>}</dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
      </section>
    </div>
  );
}

function ReviewNote({ reason }: { reason: string | null }) {
  if (!reason) return null;
  return <span className="response-status__reason"> · {reason}</span>;
}

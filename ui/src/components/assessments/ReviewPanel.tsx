import { useId, useRef, useState } from 'react';
import { api, type AssessmentDetail, type AssignmentView, type Decision, type ReviewInput, type Section } from '../../api';
import { formatScore } from '../../lib/assessments';
import { explainError } from '../../lib/errorText';
import { useToasts } from '../../state/toasts';
import { useAttempt } from '../../state/useAttempt';
import { useResource } from '../../state/useResource';
import { Field, FieldError } from '../Field';
import { CloseIcon } from '../icons';
import { Loading } from './Loading';
import { ReviewAnswers } from './ReviewAnswers';
import { ReviewHistory } from './ReviewHistory';
import './ReviewPanel.css';

interface ReviewPanelProps {
  assessmentId: string;
  sections: Section[];
  assignment: AssignmentView;
  onReviewed: (detail: AssessmentDetail) => void;
  onClose: () => void;
  reload: () => Promise<void>;
}

type Problem = { field: 'feedback' | 'score' | 'reason'; message: string };

/**
 * The assignee's answers beside each question, the automatic score, and the
 * decision: approve, or request changes (with feedback). Either may replace the
 * score, with a reason; an approved response can be rescored the same way.
 */
export function ReviewPanel({ assessmentId, sections, assignment, onReviewed, onClose, reload }: ReviewPanelProps) {
  const { showError } = useToasts();
  const attempt = useAttempt();
  const results = useResource(`results:${assessmentId}:${assignment.round}:${assignment.progress}`, () => api.assessmentResults(assessmentId), (e) =>
    showError(explainError(e)),
  );
  const member = results.data?.members.find((m) => m.userId === assignment.userId);
  const approved = assignment.progress === 'approved';

  const [feedback, setFeedback] = useState('');
  const [overriding, setOverriding] = useState(approved);
  const [score, setScore] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const feedbackRef = useRef<HTMLTextAreaElement>(null);
  const scoreRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const ids = { feedback: useId(), score: useId(), reason: useId(), error: useId(), title: useId() };

  const fail = (field: Problem['field'], message: string) => {
    setError({ field, message });
    ({ feedback: feedbackRef, score: scoreRef, reason: reasonRef })[field].current?.focus();
  };

  const decide = async (decision: Decision) => {
    if (busy) return;
    if (decision === 'changes_requested' && !feedback.trim()) {
      fail('feedback', 'Say what to change: feedback is required to request changes.');
      return;
    }
    const review: ReviewInput = { decision };
    if (feedback.trim()) review.feedback = feedback.trim();
    if (overriding) {
      const value = Number(score);
      if (score.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) {
        fail('score', 'Give a score from 0 to 100.');
        return;
      }
      if (!reason.trim()) {
        fail('reason', 'Give a reason for the new score: it is kept with the review.');
        return;
      }
      review.scoreOverride = value;
      review.overrideReason = reason.trim();
    }
    setError(null);
    setBusy(true);
    const ok = await attempt(async () => onReviewed(await api.assessmentReview(assessmentId, assignment.userId, review)), reload);
    setBusy(false);
    if (ok) onClose();
  };

  /** Marks the control the error is about and points it at the message. */
  const flagIf = (field: Problem['field']) => (error?.field === field ? { 'aria-invalid': true, 'aria-describedby': ids.error } : {});

  return (
    <section className="sheet review-panel" aria-labelledby={ids.title} data-testid="review-panel">
      <header className="review-panel__header">
        <h3 id={ids.title} className="sheet__title">
          {approved ? 'Reviews of' : 'Review'} {assignment.name}’s answers
          <span className="review-panel__round"> · round {assignment.round}</span>
        </h3>
        <button type="button" className="icon-button" aria-label="Close the review" onClick={onClose}>
          <CloseIcon />
        </button>
      </header>
      <p className="review-panel__auto">
        Automatic score: <strong data-testid="review-auto-score">{formatScore(assignment.autoScore)}</strong>
        {assignment.score !== null && (
          <>
            {' '}
            · score that counts: <strong>{formatScore(assignment.score)}</strong>
          </>
        )}
      </p>
      {results.data === undefined ? (
        <Loading label="Loading the answers" />
      ) : (
        <ReviewAnswers sections={sections} member={member} />
      )}
      {assignment.reviews.length > 0 && <ReviewHistory reviews={assignment.reviews} />}

      <div className="sheet__part">
        {!approved && (
          <Field htmlFor={ids.feedback} label="Feedback (required to request changes)">
            <textarea
              id={ids.feedback}
              ref={feedbackRef}
              className="textarea"
              rows={3}
              data-testid="review-feedback"
              value={feedback}
              {...flagIf('feedback')}
              onChange={(e) => setFeedback(e.target.value)}
            />
          </Field>
        )}
        {!approved && (
          <label className="check">
            <input type="checkbox" data-testid="review-override-toggle" checked={overriding} onChange={(e) => setOverriding(e.target.checked)} />
            Replace the automatic score
          </label>
        )}
        {overriding && (
          <div className="review-panel__override">
            <Field htmlFor={ids.score} label={approved ? 'New score (0–100)' : 'Score (0–100)'} className="review-panel__score">
              <input
                id={ids.score}
                ref={scoreRef}
                className="input"
                type="number"
                min={0}
                max={100}
                step="any"
                data-testid="review-score"
                value={score}
                {...flagIf('score')}
                onChange={(e) => setScore(e.target.value)}
              />
            </Field>
            <Field htmlFor={ids.reason} label="Reason for the new score (required)" className="review-panel__reason">
              <textarea
                id={ids.reason}
                ref={reasonRef}
                className="textarea"
                rows={2}
                data-testid="review-reason"
                value={reason}
                {...flagIf('reason')}
                onChange={(e) => setReason(e.target.value)}
              />
            </Field>
          </div>
        )}
        <FieldError id={ids.error} testId="review-error" message={error?.message} />
        <div className="review-panel__actions">
          {approved ? (
            <button type="button" className="button button--primary" data-testid="review-rescore" disabled={busy} onClick={() => decide('rescored')}>
              Save new score
            </button>
          ) : (
            <>
              <button type="button" className="button" data-testid="review-request-changes" disabled={busy} onClick={() => decide('changes_requested')}>
                Request changes
              </button>
              <button type="button" className="button button--primary" data-testid="review-approve" disabled={busy} onClick={() => decide('approved')}>
                Approve
              </button>
            </>
          )}
        </div>
      </div>
    </section>
  );
}

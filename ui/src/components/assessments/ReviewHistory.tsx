import type { Review } from '../../api';
import { formatScore } from '../../lib/assessments';
import { formatFull } from '../../lib/dates';
import './ReviewHistory.css';

const DECISION: Record<Review['decision'], string> = {
  approved: 'Approved',
  changes_requested: 'Changes requested',
  rescored: 'Rescored',
};

/** Earlier decisions, oldest first; every override keeps its reason. */
export function ReviewHistory({ reviews }: { reviews: Review[] }) {
  return (
    <section className="review-history" aria-label="Earlier reviews" data-testid="review-history">
      <h4 className="review-history__title">Earlier reviews</h4>
      <ol className="review-history__list">
        {reviews.map((r, i) => (
          <li key={`${r.round}-${r.at}-${i}`} className="review-history__item">
            <span className="review-history__head">
              Round {r.round}: <strong>{DECISION[r.decision]}</strong> · score {formatScore(r.score)}
              {r.autoScore !== null && r.score !== r.autoScore && <> (automatic {formatScore(r.autoScore)})</>}
              <span className="review-history__when"> · {formatFull(r.at)}</span>
            </span>
            {r.overrideReason && <span className="review-history__reason">Reason: {r.overrideReason}</span>}
            {r.feedback && <span className="review-history__feedback">Feedback: {r.feedback}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

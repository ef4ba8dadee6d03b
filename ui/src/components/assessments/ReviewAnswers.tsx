import type { MemberResult, Section } from '../../api';
import { formatScore, resultText } from '../../lib/assessments';
import './ReviewAnswers.css';

/** Each question beside the assignee's answer and what it scored. */
export function ReviewAnswers({ sections, member }: { sections: Section[]; member: MemberResult | undefined }) {
  return (
    <div className="review-answers" data-testid="review-answers">
      {sections.map((section) => (
        <section key={section.id} aria-label={section.title}>
          <h4 className="section-label review-answers__section">{section.title}</h4>
          <dl className="answer-list">
            {section.questions.map((q) => {
              const answer = member?.answers[q.id];
              const score = member?.questionScores[q.id];
              return (
                <div key={q.id} className="answer-list__row" data-testid={`review-answer-${q.id}`}>
                  <dt>{q.prompt}</dt>
                  <dd className="review-answers__answer">
                    {answer !== undefined && answer !== '' ? resultText(answer, q) : <span className="answer-list__none">No answer</span>}
                    {score !== undefined && <span className="review-answers__score">{formatScore(score)} / 100</span>}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </div>
  );
}

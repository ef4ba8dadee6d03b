import type { RefObject } from 'react';
import type { Answer, Section } from '../../api';
import { answerText, isAnswered } from '../../lib/assessments';
import './WizardReview.css';

interface WizardReviewProps {
  headingRef: RefObject<HTMLHeadingElement | null>;
  sections: Section[];
  answers: Record<string, Answer>;
  submitting: boolean;
  onEdit: (sectionIndex: number, questionId: string) => void;
  onSubmit: () => void;
}

/** Every answer at a glance, blanks marked, and Submit. */
export function WizardReview({ headingRef, sections, answers, submitting, onEdit, onSubmit }: WizardReviewProps) {
  const blanks = sections.flatMap((s) => s.questions).filter((q) => q.required && !isAnswered(answers[q.id])).length;
  return (
    <section aria-labelledby="wizard-review-title" data-testid="wizard-review">
      <h3 id="wizard-review-title" ref={headingRef} tabIndex={-1} className="wizard__title">
        Review and submit
      </h3>
      <p className="sheet__hint">
        {blanks === 0
          ? 'Every required question has an answer. Once submitted, your manager reviews it; you can only change it if they ask.'
          : `${blanks} required ${blanks === 1 ? 'question has' : 'questions have'} no answer yet.`}
      </p>
      {sections.map((section, sectionIndex) => (
        <div key={section.id} className="wizard-review__section">
          <h4 className="section-label">{section.title}</h4>
          <dl className="answer-list">
            {section.questions.map((q) => {
              const answered = isAnswered(answers[q.id]);
              return (
                <div key={q.id} className={`answer-list__row wizard-review__item${!answered && q.required ? ' is-blank' : ''}`}>
                  <dt>{q.prompt}</dt>
                  <dd>
                    {answered ? answerText(q, answers[q.id]) : <span className="answer-list__none">{q.required ? 'No answer (required)' : 'No answer'}</span>}
                    <button type="button" className="button button--ghost wizard-review__edit" aria-label={`Change the answer to “${q.prompt}”`} onClick={() => onEdit(sectionIndex, q.id)}>
                      Change
                    </button>
                  </dd>
                </div>
              );
            })}
          </dl>
        </div>
      ))}
      <div className="wizard-review__submit">
        <button type="button" className="button button--primary" data-testid="response-submit" disabled={submitting} onClick={onSubmit}>
          {submitting ? 'Submitting…' : 'Submit'}
        </button>
      </div>
    </section>
  );
}

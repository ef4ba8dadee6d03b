import { useEffect, useRef, useState } from 'react';
import { api, hasCode, type Answer, type AssessmentDetail, type ResponseView } from '../../api';
import { firstUnanswered, requiredProgress } from '../../lib/assessments';
import { explainError } from '../../lib/errorText';
import { useToasts } from '../../state/toasts';
import { QuestionInput } from './QuestionInput';
import { SaveStatus, type SaveState } from './SaveStatus';
import { WizardProgress } from './WizardProgress';
import { WizardReview } from './WizardReview';
import './WizardForm.css';

interface WizardFormProps {
  detail: AssessmentDetail;
  response: ResponseView;
  onChanged: (detail: AssessmentDetail) => void;
}

/**
 * One section per step, then a review step with Submit. Every change is saved
 * at once as a draft on this device (it works offline); the answers on screen
 * are the ones typed here, whatever a slower save brings back.
 */
export function WizardForm({ detail, response, onChanged }: WizardFormProps) {
  const { showError } = useToasts();
  const sections = detail.sections;
  const reviewStep = sections.length;
  const [step, setStep] = useState(0);
  const [answers, setAnswers] = useState<Record<string, Answer>>(() => ({ ...response.answers }));
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [missing, setMissing] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const pending = useRef(new Set<Promise<void>>());
  const headingRef = useRef<HTMLHeadingElement>(null);
  /** Where focus goes after a move: a question's id, the step's heading (''), or nowhere (null). */
  const focusTarget = useRef<string | null>(null);
  const [moves, setMoves] = useState(0);

  // After moving between steps, put focus on the question asked for or the step's heading.
  useEffect(() => {
    const id = focusTarget.current;
    if (id === null) return;
    focusTarget.current = null;
    const target = id ? document.getElementById(`question-${id}`) : headingRef.current;
    target?.focus();
  }, [moves]);

  /** Shows a step; `question` gets focus there, and is marked when it is the missing one. */
  const goTo = (next: number, question: { id: string; missing: boolean } | null = null) => {
    focusTarget.current = question?.id ?? '';
    setMissing(question?.missing ? question.id : null);
    setStep(Math.max(0, Math.min(reviewStep, next)));
    setMoves((n) => n + 1);
  };

  const save = (questionId: string, answer: Answer | null) => {
    setAnswers((prev) => {
      const next = { ...prev };
      if (answer) next[questionId] = answer;
      else delete next[questionId];
      return next;
    });
    if (missing === questionId && answer) setMissing(null);
    setSaveState('saving');
    const write: Promise<void> = api
      .responseAnswer(detail.id, questionId, answer)
      .then((next) => {
        onChanged(next);
        if (pending.current.size <= 1) setSaveState('saved');
      })
      .catch((error) => {
        showError(explainError(error));
        setSaveState('failed');
      })
      .finally(() => pending.current.delete(write));
    pending.current.add(write);
  };

  const submit = async () => {
    if (submitting) return;
    setSubmitting(true);
    // Answers still being saved go first.
    await Promise.all([...pending.current]);
    try {
      onChanged(await api.responseSubmit(detail.id));
    } catch (error) {
      if (hasCode(error, 'unanswered')) {
        // The core names the question only in its message; find it here instead.
        const gap = firstUnanswered(sections, answers);
        if (gap) goTo(gap.sectionIndex, { id: gap.question.id, missing: true });
        else showError(explainError(error));
      } else {
        showError(explainError(error));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const { answered, total } = requiredProgress(sections, answers);
  const section = sections[step];

  return (
    <div className="wizard" data-testid="response-wizard">
      {response.feedback && (
        <div className="sheet wizard__feedback" role="note" data-testid="response-feedback">
          <strong>Your manager asked for changes:</strong> {response.feedback}
        </div>
      )}
      <WizardProgress
        steps={[...sections.map((s) => s.title), 'Review and submit']}
        current={step}
        answered={answered}
        total={total}
        onGoTo={(i) => goTo(i)}
      />
      <div className="wizard__body">
        {section ? (
          <section aria-labelledby="wizard-step-title">
            <h3 id="wizard-step-title" ref={headingRef} tabIndex={-1} className="wizard__title" data-testid="wizard-section-title">
              {section.title}
            </h3>
            {section.questions.map((q) => (
              <QuestionInput
                key={q.id}
                question={q}
                answer={answers[q.id]}
                missing={missing === q.id}
                onAnswer={(a) => save(q.id, a)}
              />
            ))}
          </section>
        ) : (
          <WizardReview
            headingRef={headingRef}
            sections={sections}
            answers={answers}
            submitting={submitting}
            onEdit={(sectionIndex, questionId) => goTo(sectionIndex, { id: questionId, missing: false })}
            onSubmit={submit}
          />
        )}
      </div>
      <footer className="sticky-actions wizard__footer">
        <button type="button" className="button" data-testid="wizard-back" disabled={step === 0} onClick={() => goTo(step - 1)}>
          Back
        </button>
        <SaveStatus state={saveState} />
        {step < reviewStep && (
          <button type="button" className="button button--primary" data-testid="wizard-next" onClick={() => goTo(step + 1)}>
            {step === reviewStep - 1 ? 'Review answers' : 'Next'}
          </button>
        )}
      </footer>
    </div>
  );
}

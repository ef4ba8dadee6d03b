import { useId, useRef, useState, type FormEvent } from 'react';
import type { PulseView } from '../../api';
import { PERIOD_WORD } from '../../lib/pulse';
import { Field, FieldError } from '../Field';
import { AnonymityNote } from './AnonymityNote';
import { LikertQuestion } from './LikertQuestion';
import './PulseAnswerForm.css';

const MAX_COMMENT = 2000;

interface PulseAnswerFormProps {
  survey: PulseView;
  threshold: number | null;
  /** Resolves with null when the answer went in, else with what to say here. */
  onSend: (answers: Record<string, number>, comment: string | undefined) => Promise<string | null>;
}

/** This period's answer: each statement 1 to 5, an optional comment when the survey takes one, sent once. */
export function PulseAnswerForm({ survey, threshold, onSend }: PulseAnswerFormProps) {
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const ids = { title: useId(), missing: useId(), comment: useId(), commentHint: useId(), note: useId() };
  const word = PERIOD_WORD[survey.cadence];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const blank = survey.questions.filter((q) => answers[q.id] === undefined).map((q) => q.id);
    setMissing(blank);
    if (blank.length > 0) {
      formRef.current?.querySelector<HTMLInputElement>(`input[name="pulse-${blank[0]}"]`)?.focus();
      return;
    }
    setBusy(true);
    setRefusal(null);
    const text = comment.trim();
    const problem = await onSend(answers, survey.allowComment && text ? text : undefined);
    // On success the screen shows thanks instead of this form.
    setRefusal(problem);
    setBusy(false);
  };

  return (
    <form ref={formRef} className="pulse-form" onSubmit={submit} aria-labelledby={ids.title} data-testid="pulse-form" noValidate>
      <h3 id={ids.title} className="pulse-form__title">
        This {word}’s questions
      </h3>
      <p className="sheet__hint pulse-form__intro">
        How much do you agree with each statement? {survey.questions.length === 1 ? 'It takes' : 'They take'} a minute.
      </p>
      {survey.questions.map((q, i) => (
        <LikertQuestion
          key={q.id}
          id={q.id}
          number={i + 1}
          prompt={q.prompt}
          value={answers[q.id]}
          missing={missing.includes(q.id)}
          missingId={ids.missing}
          onChange={(value) => {
            setAnswers((current) => ({ ...current, [q.id]: value }));
            setMissing((current) => current.filter((id) => id !== q.id));
          }}
        />
      ))}
      {survey.allowComment && (
        <Field htmlFor={ids.comment} label="Comment (optional)" className="pulse-form__comment">
          <textarea
            id={ids.comment}
            className="textarea"
            rows={3}
            maxLength={MAX_COMMENT}
            data-testid="pulse-comment"
            aria-describedby={ids.commentHint}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <p id={ids.commentHint} className="sheet__hint">
            Managers read comments word for word, in alphabetical order with the others. Leave out anything that would say who wrote it.
          </p>
        </Field>
      )}
      {missing.length > 0 && (
        <FieldError
          id={ids.missing}
          className="pulse-form__problem"
          testId="pulse-missing"
          message={`Answer every statement before you send: ${missing.length === 1 ? 'one is' : `${missing.length} are`} still blank.`}
        />
      )}
      <FieldError className="pulse-form__problem" testId="pulse-answer-error" message={refusal} />
      <div className="pulse-form__footer">
        <AnonymityNote threshold={threshold} id={ids.note} />
        <button type="submit" className="button button--primary" data-testid="pulse-submit" disabled={busy} aria-describedby={ids.note}>
          {busy ? 'Sending…' : 'Send answer'}
        </button>
      </div>
    </form>
  );
}

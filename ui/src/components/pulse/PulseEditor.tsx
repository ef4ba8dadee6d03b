import { useId, useState, type FormEvent } from 'react';
import { api, hasCode, type Cadence, type PulseInput, type PulseView } from '../../api';
import { todayIso } from '../../lib/dates';
import { explainError } from '../../lib/errorText';
import { CADENCE_LABEL, checkQuestions, PERIOD_WORD } from '../../lib/pulse';
import { useToasts } from '../../state/toasts';
import { ScreenHeader } from '../assessments/ScreenHeader';
import { Field, FieldError } from '../Field';
import { FormActions } from '../FormActions';
import { Sheet } from '../Sheet';
import { PulseQuestionsEditor } from './PulseQuestionsEditor';
import './PulseEditor.css';

interface PulseEditorProps {
  teamId: string;
  /** Absent: a new survey. */
  survey?: PulseView;
  onSaved: (survey: PulseView) => void;
  onCancel: () => void;
  /** The core refused the change: the survey as shown may be out of date. */
  onRefused?: () => void;
}

export const QUESTIONS_FIXED =
  'Questions are fixed once a survey has started, so every period asks the same thing and its figures stay comparable. To ask something else, start a new survey.';

const CADENCES: Cadence[] = ['weekly', 'biweekly', 'monthly'];

interface Problems {
  title?: string;
  questions?: string;
  starts?: string;
}

/** Creates or changes a survey: title, statements, how often, from when, comments, and whether it runs. */
export function PulseEditor({ teamId, survey, onSaved, onCancel, onRefused }: PulseEditorProps) {
  const { showError, showInfo } = useToasts();
  const [title, setTitle] = useState(survey?.title ?? '');
  const [questions, setQuestions] = useState<string[]>(survey ? survey.questions.map((q) => q.prompt) : ['']);
  const [cadence, setCadence] = useState<Cadence>(survey?.cadence ?? 'weekly');
  const [starts, setStarts] = useState(survey?.starts ?? todayIso());
  const [allowComment, setAllowComment] = useState(survey?.allowComment ?? true);
  const [active, setActive] = useState(survey?.active ?? true);
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const ids = {
    title: useId(),
    titleError: useId(),
    questions: useId(),
    questionsError: useId(),
    cadence: useId(),
    starts: useId(),
    startsHint: useId(),
    startsError: useId(),
  };
  // Started on or before today: the core keeps its questions as they are.
  const locked = survey !== undefined && survey.starts <= todayIso();
  const word = PERIOD_WORD[cadence];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Problems = {};
    if (!title.trim()) found.title = 'Give the survey a title.';
    const questionProblem = locked ? null : checkQuestions(questions);
    if (questionProblem) found.questions = questionProblem;
    if (!starts) found.starts = 'Pick the day the first period starts.';
    setProblems(found);
    if (Object.keys(found).length > 0) return;

    const input: PulseInput = {
      title,
      questions: locked && survey ? survey.questions.map((q) => q.prompt) : questions.map((q) => q.trim()),
      allowComment,
      cadence,
      starts,
      active,
    };
    if (survey) input.id = survey.id;
    setBusy(true);
    try {
      const saved = await api.pulseSave(teamId, input);
      showInfo(survey ? `Saved “${saved.title}”.` : `“${saved.title}” is set up.`);
      onSaved(saved);
    } catch (error) {
      if (hasCode(error, 'questions_fixed') && survey) {
        // The survey started meanwhile (or on another device): its questions are fixed now.
        setProblems({ questions: QUESTIONS_FIXED });
        showError({ code: 'questions_fixed', message: QUESTIONS_FIXED });
        onRefused?.();
      } else {
        showError(explainError(error));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="pulse-editor" onSubmit={submit} aria-labelledby="pulse-editor-title" data-testid="pulse-editor" noValidate>
      <ScreenHeader
        title={<span id="pulse-editor-title">{survey ? `Edit “${survey.title}”` : 'New survey'}</span>}
        onBack={onCancel}
        backLabel={survey ? 'Back to the survey' : 'All surveys'}
      />
      <div className="sheet pulse-editor__basics">
        <Field htmlFor={ids.title} label="Title">
          <input
            id={ids.title}
            className="input"
            data-testid="pulse-title"
            value={title}
            maxLength={300}
            placeholder="For example: Weekly pulse"
            aria-invalid={problems.title ? true : undefined}
            aria-describedby={problems.title ? ids.titleError : undefined}
            onChange={(e) => setTitle(e.target.value)}
            autoFocus={!survey}
          />
          <FieldError id={ids.titleError} message={problems.title} />
        </Field>
        <div className="pulse-editor__row">
          <Field htmlFor={ids.cadence} label="Asked">
            <select id={ids.cadence} className="select" data-testid="pulse-cadence" value={cadence} onChange={(e) => setCadence(e.target.value as Cadence)}>
              {CADENCES.map((c) => (
                <option key={c} value={c}>
                  {CADENCE_LABEL[c]}
                </option>
              ))}
            </select>
          </Field>
          <Field htmlFor={ids.starts} label={`First ${word} starts`}>
            <input
              id={ids.starts}
              className="input"
              type="date"
              data-testid="pulse-starts"
              value={starts}
              aria-invalid={problems.starts ? true : undefined}
              aria-describedby={problems.starts ? `${ids.startsError} ${ids.startsHint}` : ids.startsHint}
              onChange={(e) => setStarts(e.target.value)}
            />
          </Field>
        </div>
        <p id={ids.startsHint} className="sheet__hint">
          {cadence === 'monthly'
            ? 'Each month starts on the same day of the month (or the month’s last day when it is shorter).'
            : `Each ${word} starts on the same weekday as the first.`}{' '}
          Everyone gets a reminder when a new {word} starts.
        </p>
        <FieldError id={ids.startsError} message={problems.starts} />
        <div className="pulse-editor__checks">
          <label className="check">
            <input type="checkbox" data-testid="pulse-allow-comment" checked={allowComment} onChange={(e) => setAllowComment(e.target.checked)} />
            Let people add a comment
          </label>
          <label className="check">
            <input type="checkbox" data-testid="pulse-active" checked={active} onChange={(e) => setActive(e.target.checked)} />
            Active: people are asked to answer
          </label>
        </div>
        {!active && (
          <p className="sheet__hint" data-testid="pulse-paused-hint">
            Paused: no reminders and nothing to answer until you turn it back on. Figures so far stay.
          </p>
        )}
      </div>

      <Sheet titleId={ids.questions} title="Statements">
        {locked && survey ? (
          <>
            <p className="sheet__hint pulse-editor__locked" data-testid="pulse-questions-locked">
              {QUESTIONS_FIXED}
            </p>
            <ol className="pulse-editor__fixed">
              {survey.questions.map((q) => (
                <li key={q.id}>{q.prompt}</li>
              ))}
            </ol>
          </>
        ) : (
          <>
            <p className="sheet__hint pulse-editor__intro">
              One to ten statements, each answered from 1 (strongly disagree) to 5 (strongly agree). They cannot change once the survey has
              started.
            </p>
            <PulseQuestionsEditor
              questions={questions}
              onChange={(next) => {
                setQuestions(next);
                setProblems((p) => ({ ...p, questions: undefined }));
              }}
              describedBy={problems.questions ? ids.questionsError : undefined}
              invalid={problems.questions !== undefined}
            />
          </>
        )}
        <FieldError id={ids.questionsError} className="pulse-editor__error" testId="pulse-questions-error" message={problems.questions} />
      </Sheet>

      <FormActions
        className="sticky-actions"
        submitLabel={busy ? 'Saving…' : survey ? 'Save changes' : 'Create survey'}
        submitTestId="pulse-save"
        disabled={busy}
        onCancel={onCancel}
      />
    </form>
  );
}

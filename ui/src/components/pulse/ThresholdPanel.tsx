import { useEffect, useId, useState, type FormEvent } from 'react';
import { api, hasCode } from '../../api';
import { explainError } from '../../lib/errorText';
import { DEFAULT_THRESHOLD, MAX_THRESHOLD, MIN_THRESHOLD } from '../../lib/pulse';
import { useToasts } from '../../state/toasts';
import { Field, FieldError } from '../Field';
import { Sheet } from '../Sheet';
import type { TeamThreshold } from './useTeamThreshold';
import './ThresholdPanel.css';

interface ThresholdPanelProps {
  teamId: string;
  threshold: TeamThreshold;
}

/** Why a threshold is refused, in words; null when it is fine. */
export function thresholdProblem(raw: string): string | null {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value)) return `Enter a whole number of people, from ${MIN_THRESHOLD} to ${MAX_THRESHOLD}.`;
  if (value < MIN_THRESHOLD) {
    return `At least ${MIN_THRESHOLD} people: with fewer, a total could show how one person answered. Choose ${MIN_THRESHOLD} to ${MAX_THRESHOLD}.`;
  }
  if (value > MAX_THRESHOLD) return `At most ${MAX_THRESHOLD} people. Choose ${MIN_THRESHOLD} to ${MAX_THRESHOLD}.`;
  return null;
}

/** The team's anonymity threshold: what it protects, and a way to change it (3 to 10 people). */
export function ThresholdPanel({ teamId, threshold }: ThresholdPanelProps) {
  const { showError, showInfo } = useToasts();
  const current = threshold.value ?? DEFAULT_THRESHOLD;
  const [draft, setDraft] = useState(String(current));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  // Follow the team's value when it changes elsewhere, unless a change is being typed.
  const [typing, setTyping] = useState(false);
  useEffect(() => {
    if (!typing) setDraft(String(current));
  }, [current, typing]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const refused = thresholdProblem(draft);
    setProblem(refused);
    if (refused) return;
    setBusy(true);
    try {
      const saved = await api.pulseThresholdSet(teamId, Number(draft));
      threshold.update(saved);
      setTyping(false);
      setDraft(String(saved));
      showInfo(`Figures now need at least ${saved} people.`);
    } catch (error) {
      if (hasCode(error, 'invalid_input')) setProblem(`The threshold must be ${MIN_THRESHOLD} to ${MAX_THRESHOLD} people.`);
      else showError(explainError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Sheet titleId="pulse-threshold-title" title="Anonymity threshold" className="threshold-panel" testId="pulse-threshold-panel">
      <div id={hintId} className="threshold-panel__explain">
        <p>
          Managers see a period’s figures only once at least <strong data-testid="pulse-threshold-current">{current}</strong> people have
          answered it{threshold.value === null && ' (the default)'}. After that the figures change only when that many more have answered,
          so comparing two updates never singles anyone out.
        </p>
        <p>
          A department’s figures show only when at least as many of its people answered, and when the people outside the departments
          shown are none or at least as many too. Comments are listed in alphabetical order, never in the order they came in.
        </p>
      </div>
      <form className="threshold-panel__form" onSubmit={submit} noValidate>
        <Field htmlFor={inputId} label={`People needed before figures show (${MIN_THRESHOLD}–${MAX_THRESHOLD})`} className="threshold-panel__field">
          <input
            id={inputId}
            className="input"
            type="number"
            inputMode="numeric"
            min={MIN_THRESHOLD}
            max={MAX_THRESHOLD}
            step={1}
            data-testid="pulse-threshold-input"
            value={draft}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${errorId} ${hintId}` : hintId}
            onChange={(e) => {
              setTyping(true);
              setDraft(e.target.value);
              setProblem(null);
            }}
          />
        </Field>
        <button type="submit" className="button" data-testid="pulse-threshold-save" disabled={busy}>
          {busy ? 'Saving…' : 'Save threshold'}
        </button>
      </form>
      <FieldError id={errorId} className="threshold-panel__error" testId="pulse-threshold-error" message={problem} />
    </Sheet>
  );
}

import { useId, useState, type FocusEvent } from 'react';
import type { TaskDetail } from '../api';
import { useDraft } from '../state/useDraft';
import { useInlineSave } from '../state/useInlineSave';
import type { TaskActions } from '../state/useTaskActions';
import { FieldError } from './Field';
import { CloseIcon } from './icons';
import './TaskDetails.css';

const ESTIMATE_ERRORS = ['invalid_input'] as const;

/** "2" and "30" for 150 minutes; both empty without an estimate. */
function split(minutes: number | null): [string, string] {
  if (minutes === null) return ['', ''];
  return [String(Math.floor(minutes / 60)), String(minutes % 60)];
}

/** Minutes from what was typed: null for nothing (or zero), undefined when it is not whole hours and minutes. */
export function toMinutes(hours: string, minutes: string): number | null | undefined {
  const h = hours.trim() === '' ? 0 : Number(hours);
  const m = minutes.trim() === '' ? 0 : Number(minutes);
  if (!Number.isInteger(h) || !Number.isInteger(m) || h < 0 || m < 0) return undefined;
  const total = h * 60 + m;
  return total === 0 ? null : total;
}

/** How long the task should take, typed as hours and minutes; saved when focus leaves both boxes, or on Enter. */
export function EstimateField({ id, task, actions }: { id: string; task: TaskDetail; actions: TaskActions }) {
  const errorId = useId();
  const [serverHours, serverMinutes] = split(task.estimateMinutes);
  const hours = useDraft(serverHours);
  const minutes = useDraft(serverMinutes);
  const [typo, setTypo] = useState<string | null>(null);
  const { save, error } = useInlineSave(task, actions, ESTIMATE_ERRORS);
  const message = typo ?? error?.message ?? null;

  const revert = () => {
    hours.setDraft(hours.serverRef.current);
    minutes.setDraft(minutes.serverRef.current);
  };

  const commit = async (h: string, m: string) => {
    hours.editing.current = false;
    minutes.editing.current = false;
    const value = toMinutes(h, m);
    if (value === undefined) {
      setTypo('Enter whole hours and minutes.');
      return;
    }
    setTypo(null);
    if (value === task.estimateMinutes) {
      // 90 minutes typed as "0" and "90" reads back as 1 h 30 m.
      revert();
      return;
    }
    if (!(await save({ estimateMinutes: value }))) revert();
  };

  const leave = (event: FocusEvent<HTMLDivElement>) => {
    if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
    void commit(hours.draft, minutes.draft);
  };

  const box = (draft: typeof hours, label: string, unit: string, testId: string, inputId?: string) => (
    <>
      <input
        id={inputId}
        className="input estimate__input"
        type="number"
        min={0}
        step={1}
        inputMode="numeric"
        aria-label={label}
        aria-describedby={message ? errorId : undefined}
        data-testid={testId}
        value={draft.draft}
        onFocus={() => {
          draft.editing.current = true;
        }}
        onChange={(event) => draft.setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void commit(hours.draft, minutes.draft);
          }
        }}
      />
      <span className="estimate__unit" aria-hidden="true">
        {unit}
      </span>
    </>
  );

  return (
    <div className="estimate-field">
      <div className="estimate" onBlur={leave}>
        {box(hours, 'Estimate, hours', 'h', 'task-estimate-hours', id)}
        {box(minutes, 'Estimate, minutes', 'm', 'task-estimate-minutes')}
        {task.estimateMinutes !== null && (
          <button
            type="button"
            className="icon-button icon-button--sm"
            aria-label="Clear estimate"
            title="Clear estimate"
            data-testid="task-estimate-clear"
            onClick={() => {
              hours.setDraft('');
              minutes.setDraft('');
              void commit('', '');
            }}
          >
            <CloseIcon size={12} />
          </button>
        )}
      </div>
      <FieldError id={errorId} message={message} className="props__error" testId="task-estimate-error" />
    </div>
  );
}

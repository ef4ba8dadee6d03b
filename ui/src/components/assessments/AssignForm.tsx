import { useId, useRef, useState, type FormEvent } from 'react';
import type { Assignees, Department, Person } from '../../api';
import { Avatar } from '../Avatar';
import { Field, FieldError } from '../Field';
import { Loading } from './Loading';
import './AssignForm.css';

interface AssignFormProps {
  /** Undefined while the team's people load. */
  people: Person[] | undefined;
  departments: Department[];
  /** Who already has it: they keep their assignment as it is. */
  assigned: string[];
  /** Resolves true when it was assigned. */
  onAssign: (to: Assignees, due: string | undefined) => Promise<boolean>;
}

/** Pick people (or a whole department) and a due date. Viewers cannot answer, so they are not offered. */
export function AssignForm({ people, departments, assigned, onAssign }: AssignFormProps) {
  const [mode, setMode] = useState<'people' | 'department'>('people');
  const [picked, setPicked] = useState<string[]>([]);
  const [department, setDepartment] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();
  const dueId = useId();
  const deptId = useId();
  const listRef = useRef<HTMLFieldSetElement>(null);

  const eligible = (people ?? []).filter((p) => p.role !== 'viewer');
  const toggle = (userId: string) =>
    setPicked((list) => (list.includes(userId) ? list.filter((id) => id !== userId) : [...list, userId]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (mode === 'people' && picked.length === 0) {
      setError('Pick at least one person.');
      listRef.current?.querySelector<HTMLInputElement>('input:not(:disabled)')?.focus();
      return;
    }
    if (mode === 'department' && !department) {
      setError('Choose a department.');
      return;
    }
    setError(null);
    setBusy(true);
    const to: Assignees = mode === 'people' ? { to: 'people', ids: picked } : { to: 'department', ids: department };
    const ok = await onAssign(to, due || undefined);
    setBusy(false);
    if (ok) setPicked([]);
  };

  return (
    <form className="sheet assign-form" onSubmit={submit} aria-labelledby="assign-title" data-testid="assign-form">
      <h3 id="assign-title" className="sheet__title">
        Delegate
      </h3>
      <div className="assign-form__modes" role="radiogroup" aria-label="Assign to">
        <label className="check">
          <input type="radio" name="assign-mode" checked={mode === 'people'} onChange={() => setMode('people')} />
          People
        </label>
        <label className="check">
          <input
            type="radio"
            name="assign-mode"
            data-testid="assign-mode-department"
            checked={mode === 'department'}
            onChange={() => setMode('department')}
            disabled={departments.length === 0}
          />
          A whole department
        </label>
      </div>
      {mode === 'people' ? (
        people === undefined ? (
          <Loading label="Loading the team's people" lines={2} />
        ) : (
          <fieldset ref={listRef} className="assign-form__people" aria-describedby={error ? errorId : undefined}>
            <legend className="field__label">Who answers it</legend>
            {eligible.length === 0 ? (
              <p className="sheet__hint">Nobody in this team can answer assessments yet.</p>
            ) : (
              <ul className="assign-form__list">
                {eligible.map((p) => {
                  const already = assigned.includes(p.userId);
                  return (
                    <li key={p.userId}>
                      <label className={`assign-form__person${already ? ' is-assigned' : ''}`}>
                        <input
                          type="checkbox"
                          data-testid={`assign-member-${p.userId}`}
                          checked={already || picked.includes(p.userId)}
                          disabled={already}
                          onChange={() => toggle(p.userId)}
                        />
                        <Avatar id={p.userId} name={p.name} decorative />
                        <span className="assign-form__who">
                          <span className="assign-form__name">{p.name}</span>
                          {(already || p.title) && <span className="assign-form__note">{already ? 'already assigned' : p.title}</span>}
                        </span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            )}
          </fieldset>
        )
      ) : (
        <Field htmlFor={deptId} label="Department">
          <select
            id={deptId}
            className="select"
            data-testid="assign-department"
            value={department}
            onChange={(e) => setDepartment(e.target.value)}
            aria-describedby={error ? errorId : undefined}
          >
            <option value="">Choose a department…</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.members})
              </option>
            ))}
          </select>
        </Field>
      )}
      <div className="assign-form__footer">
        <Field htmlFor={dueId} label="Due date (optional)" className="assign-form__due">
          <input id={dueId} className="input" type="date" data-testid="assign-due" value={due} onChange={(e) => setDue(e.target.value)} />
        </Field>
        <button type="submit" className="button button--primary" data-testid="assign-submit" disabled={busy}>
          {busy ? 'Assigning…' : 'Assign'}
        </button>
      </div>
      <FieldError id={errorId} testId="assign-error" message={error} />
    </form>
  );
}

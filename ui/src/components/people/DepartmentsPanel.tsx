import { useState } from 'react';
import type { Department, Person } from '../../api';
import { NameForm } from '../NameForm';
import { PencilIcon, PlusIcon, TrashIcon } from '../icons';
import './DepartmentsPanel.css';

interface DepartmentsPanelProps {
  departments: Department[];
  people: Person[];
  canEdit: boolean;
  /** No id: a new department. Resolves true when saved. */
  onSave: (name: string, departmentId?: string, lead?: string) => Promise<boolean>;
  onRemove: (department: Department) => void;
}

/** The team's departments: create, rename, remove (their people stay, in no department). */
export function DepartmentsPanel({ departments, people, canEdit, onSave, onRemove }: DepartmentsPanelProps) {
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);
  const nameOf = (userId: string | null) => people.find((p) => p.userId === userId)?.name;
  return (
    <section className="sheet departments" aria-labelledby="departments-title" data-testid="departments-panel">
      <div className="departments__head">
        <h3 id="departments-title" className="sheet__title">
          Departments
        </h3>
        {canEdit && (
          <button
            type="button"
            className="icon-button"
            aria-label="New department"
            title="New department"
            data-testid="department-new"
            aria-expanded={creating}
            onClick={() => setCreating((open) => !open)}
          >
            <PlusIcon />
          </button>
        )}
      </div>
      {creating && (
        <NameForm
          label="Department name"
          placeholder="Department name"
          submitLabel="Create"
          inputTestId="department-name-input"
          submitTestId="department-create-submit"
          autoFocus
          onSubmit={async (name) => {
            const ok = await onSave(name);
            if (ok) setCreating(false);
            return ok;
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      {departments.length === 0 ? (
        <p className="sheet__hint" data-testid="departments-empty">
          {canEdit ? 'No departments yet. Create one to group people and assign assessments to a whole department.' : 'No departments yet.'}
        </p>
      ) : (
        <ul className="departments__list">
          {departments.map((d) =>
            renaming === d.id ? (
              <li key={d.id}>
                <NameForm
                  label={`New name for ${d.name}`}
                  submitLabel="Rename"
                  initialValue={d.name}
                  inputTestId="department-rename-input"
                  autoFocus
                  onSubmit={async (name) => {
                    const ok = await onSave(name, d.id, d.lead ?? undefined);
                    if (ok) setRenaming(null);
                    return ok;
                  }}
                  onCancel={() => setRenaming(null)}
                />
              </li>
            ) : (
              <li key={d.id} className="departments__item" data-testid={`department-${d.id}`}>
                <span className="departments__text">
                  <span className="departments__name">{d.name}</span>
                  <span className="departments__meta">
                    {d.members} {d.members === 1 ? 'person' : 'people'}
                    {d.lead && nameOf(d.lead) && ` · led by ${nameOf(d.lead)}`}
                  </span>
                </span>
                {canEdit && (
                  <>
                    <button type="button" className="icon-button" aria-label={`Rename ${d.name}`} onClick={() => setRenaming(d.id)}>
                      <PencilIcon size={14} />
                    </button>
                    <button
                      type="button"
                      className="icon-button icon-button--danger"
                      aria-label={`Remove ${d.name}`}
                      data-testid={`department-remove-${d.id}`}
                      onClick={() => onRemove(d)}
                    >
                      <TrashIcon size={14} />
                    </button>
                  </>
                )}
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}

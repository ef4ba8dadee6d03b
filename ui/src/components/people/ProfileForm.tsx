import { useId, useState, type FormEvent } from 'react';
import type { Person } from '../../api';
import { Field } from '../Field';
import { FormActions } from '../FormActions';

interface ProfileFormProps {
  person: Person;
  /** Resolves true when saved. */
  onSave: (title: string | null, skills: string[]) => Promise<boolean>;
  onCancel: () => void;
}

/** A person's job title and skills (comma separated). */
export function ProfileForm({ person, onSave, onCancel }: ProfileFormProps) {
  const [title, setTitle] = useState(person.title ?? '');
  const [skills, setSkills] = useState(person.skills.join(', '));
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const skillsId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const list = skills
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const ok = await onSave(title.trim() || null, list);
    setBusy(false);
    if (ok) onCancel();
  };
  return (
    <form
      className="profile-form"
      onSubmit={submit}
      aria-label={`Profile of ${person.name}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <Field htmlFor={titleId} label="Job title">
        <input id={titleId} className="input" data-testid="profile-title" value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />
      </Field>
      <Field htmlFor={skillsId} label="Skills, separated by commas" className="profile-form__skills">
        <input id={skillsId} className="input" data-testid="profile-skills" value={skills} onChange={(e) => setSkills(e.target.value)} />
      </Field>
      <FormActions className="profile-form__actions" submitLabel="Save" submitTestId="profile-save" disabled={busy} onCancel={onCancel} />
    </form>
  );
}

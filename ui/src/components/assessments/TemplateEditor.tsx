import { useId, useState, type FormEvent } from 'react';
import type { Template } from '../../api';
import { Field } from '../Field';
import { FormActions } from '../FormActions';
import { ScreenHeader } from './ScreenHeader';
import { SectionsEditor } from './SectionsEditor';
import './CreateAssessment.css';

interface TemplateEditorProps {
  initial: Template;
  bank: Template[];
  onSave: (template: Template) => Promise<boolean>;
  onCancel: () => void;
}

/** One of the team's templates: its title, description and questions. */
export function TemplateEditor({ initial, bank, onSave, onCancel }: TemplateEditorProps) {
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const descriptionId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    await onSave(draft);
    setBusy(false);
  };
  return (
    <form onSubmit={submit} data-testid="template-editor">
      <ScreenHeader title={initial.id ? `Edit “${initial.title}”` : 'New template'} onBack={onCancel} backLabel="Templates" />
      <div className="sheet create-assessment__basics">
        <Field htmlFor={titleId} label="Template title">
          <input
            id={titleId}
            className="input"
            data-testid="template-title"
            value={draft.title}
            onChange={(e) => setDraft({ ...draft, title: e.target.value })}
            autoFocus
          />
        </Field>
        <Field htmlFor={descriptionId} label="Description (optional)">
          <textarea
            id={descriptionId}
            className="textarea"
            rows={2}
            value={draft.description}
            onChange={(e) => setDraft({ ...draft, description: e.target.value })}
          />
        </Field>
      </div>
      <div className="sheet">
        <SectionsEditor sections={draft.sections} onChange={(sections) => setDraft({ ...draft, sections })} bank={bank} />
      </div>
      <FormActions className="sticky-actions" submitLabel={busy ? 'Saving…' : 'Save template'} submitTestId="template-save" disabled={busy} onCancel={onCancel} />
    </form>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { api, type NewAssessment, type Section } from '../../api';
import { newSection } from '../../lib/assessments';
import { useToasts } from '../../state/toasts';
import { useAttempt } from '../../state/useAttempt';
import { Field } from '../Field';
import { FormActions } from '../FormActions';
import { Loading } from './Loading';
import { QuestionsPreview } from './QuestionsPreview';
import { ScreenHeader } from './ScreenHeader';
import { SectionsEditor } from './SectionsEditor';
import { useTemplates } from './useTemplates';
import './CreateAssessment.css';

interface CreateAssessmentProps {
  teamId: string;
  onCreated: (assessmentId: string) => void;
  onCancel: () => void;
  onTemplates: () => void;
}

const BLANK = '';

/** Title, and questions from a template (as they are, or changed) or written from blank. */
export function CreateAssessment({ teamId, onCreated, onCancel, onTemplates }: CreateAssessmentProps) {
  const templates = useTemplates(teamId);
  const attempt = useAttempt();
  const { showInfo } = useToasts();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [choice, setChoice] = useState<string | null>(null);
  /** Questions of its own; null uses the chosen template's as they are. */
  const [custom, setCustom] = useState<Section[] | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { title: useId(), description: useId(), template: useId() };

  const list = templates.data ?? [];
  const chosen = choice ?? list[0]?.id ?? BLANK;
  const template = list.find((t) => t.id === chosen);

  const pick = (id: string) => {
    setChoice(id);
    setCustom(id === BLANK ? [newSection('Questions')] : null);
    const picked = list.find((t) => t.id === id);
    if (picked && !title.trim()) setTitle(picked.title);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const input: NewAssessment = { title };
    if (description.trim()) input.description = description;
    if (template) input.templateId = template.id;
    if (custom) input.sections = custom;
    setBusy(true);
    await attempt(async () => onCreated((await api.assessmentCreate(teamId, input)).id));
    setBusy(false);
  };

  const saveAsTemplate = () =>
    custom &&
    void attempt(async () => {
      const saved = await api.templateSave(teamId, {
        id: '',
        title: title.trim() || 'Untitled template',
        description,
        sections: custom,
        createdBy: '',
        updatedAt: 0,
      });
      showInfo(`Saved “${saved.title}” as one of the team's templates.`);
      void templates.reload();
    });

  return (
    <form className="create-assessment" onSubmit={submit} aria-labelledby="create-title" data-testid="assessment-create-form">
      <ScreenHeader title={<span id="create-title">New assessment</span>} onBack={onCancel}>
        <button type="button" className="button button--ghost" onClick={onTemplates}>
          Manage templates
        </button>
      </ScreenHeader>
      <div className="sheet create-assessment__basics">
        <Field htmlFor={ids.title} label="Title">
          <input
            id={ids.title}
            className="input"
            data-testid="assessment-title"
            value={title}
            placeholder="For example: Q3 check-in"
            onChange={(e) => setTitle(e.target.value)}
            autoFocus
          />
        </Field>
        <Field htmlFor={ids.description} label="Description (optional)">
          <textarea id={ids.description} className="textarea" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        <Field htmlFor={ids.template} label="Questions">
          {templates.data === undefined ? (
            <Loading label="Loading templates" lines={1} />
          ) : (
            <select id={ids.template} className="select" data-testid="assessment-template" value={chosen} onChange={(e) => pick(e.target.value)}>
              <optgroup label="Built-in templates">
                {list
                  .filter((t) => t.id.startsWith('builtin:'))
                  .map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.title}
                    </option>
                  ))}
              </optgroup>
              {list.some((t) => !t.id.startsWith('builtin:')) && (
                <optgroup label="This team's templates">
                  {list
                    .filter((t) => !t.id.startsWith('builtin:'))
                    .map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.title}
                      </option>
                    ))}
                </optgroup>
              )}
              <option value={BLANK}>Start blank: write your own questions</option>
            </select>
          )}
          {template?.description && <p className="sheet__hint">{template.description}</p>}
        </Field>
      </div>

      {custom ? (
        <div className="sheet">
          <div className="create-assessment__questions-head">
            <h3 className="sheet__title">{template ? `Questions, changed from “${template.title}”` : 'Your questions'}</h3>
            <div className="create-assessment__questions-tools">
              {template && (
                <button type="button" className="button button--ghost" onClick={() => setCustom(null)}>
                  Undo changes
                </button>
              )}
              <button type="button" className="button" data-testid="save-as-template" onClick={saveAsTemplate}>
                Save as a team template
              </button>
            </div>
          </div>
          <SectionsEditor sections={custom} onChange={setCustom} bank={list} />
        </div>
      ) : (
        template && (
          <>
            <QuestionsPreview sections={template.sections} open title={`Questions from “${template.title}”`} />
            <div className="create-assessment__customise">
              <button type="button" className="button" data-testid="customise-questions" onClick={() => setCustom(structuredClone(template.sections))}>
                Change these questions
              </button>
            </div>
          </>
        )
      )}

      <FormActions
        className="sticky-actions"
        submitLabel={busy ? 'Creating…' : 'Create assessment'}
        submitTestId="assessment-create-submit"
        disabled={busy || templates.data === undefined}
        onCancel={onCancel}
      />
    </form>
  );
}

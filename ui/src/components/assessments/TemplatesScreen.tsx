import { useState } from 'react';
import { api, type Template } from '../../api';
import { newSection } from '../../lib/assessments';
import { useConfirm } from '../../state/confirm';
import { useToasts } from '../../state/toasts';
import { useAttempt } from '../../state/useAttempt';
import { Sheet } from '../Sheet';
import { Loading } from './Loading';
import { ScreenHeader } from './ScreenHeader';
import { TemplateEditor } from './TemplateEditor';
import { useTemplates } from './useTemplates';
import './TemplatesScreen.css';

const blank = (): Template => ({ id: '', title: '', description: '', sections: [newSection('Questions')], createdBy: '', updatedAt: 0 });

/** The built-in templates to start from, and the team's own to write, change or remove. */
export function TemplatesScreen({ teamId, onBack }: { teamId: string; onBack: () => void }) {
  const templates = useTemplates(teamId);
  const attempt = useAttempt();
  const confirm = useConfirm();
  const { showInfo } = useToasts();
  const [editing, setEditing] = useState<Template | null>(null);

  if (editing) {
    return (
      <TemplateEditor
        initial={editing}
        bank={templates.data ?? []}
        onCancel={() => setEditing(null)}
        onSave={(t) =>
          attempt(async () => {
            const saved = await api.templateSave(teamId, t);
            showInfo(`Saved “${saved.title}”.`);
            setEditing(null);
            void templates.reload();
          }, templates.reload)
        }
      />
    );
  }

  const remove = async (t: Template) => {
    const ok = await confirm({
      title: `Remove “${t.title}”?`,
      message: 'Assessments made from it keep their questions; only the template goes.',
      confirmLabel: 'Remove template',
      tone: 'danger',
    });
    if (ok) void attempt(async () => {
      await api.templateDelete(teamId, t.id);
      void templates.reload();
    }, templates.reload);
  };

  const builtin = (templates.data ?? []).filter((t) => t.id.startsWith('builtin:'));
  const own = (templates.data ?? []).filter((t) => !t.id.startsWith('builtin:'));
  return (
    <div data-testid="templates-screen">
      <ScreenHeader title="Templates" subtitle="Questions to start assessments from" onBack={onBack}>
        <button type="button" className="button button--primary" data-testid="template-new" onClick={() => setEditing(blank())}>
          New template
        </button>
      </ScreenHeader>
      {templates.data === undefined ? (
        <Loading label="Loading templates" />
      ) : (
        <>
          <Sheet titleId="own-templates" title="This team's templates">
            {own.length === 0 ? (
              <p className="sheet__hint">None yet. Write one, or start from a built-in template below.</p>
            ) : (
              <ul className="template-list">
                {own.map((t) => (
                  <li key={t.id} className="template-list__item" data-testid={`template-${t.id}`}>
                    <TemplateText template={t} />
                    <button type="button" className="button" onClick={() => setEditing(structuredClone(t))}>
                      Edit
                    </button>
                    <button type="button" className="button button--ghost" aria-label={`Remove ${t.title}`} onClick={() => void remove(t)}>
                      Remove
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </Sheet>
          <Sheet titleId="builtin-templates" title="Built in">
            <ul className="template-list">
              {builtin.map((t) => (
                <li key={t.id} className="template-list__item">
                  <TemplateText template={t} />
                  <button
                    type="button"
                    className="button"
                    aria-label={`Start a team template from ${t.title}`}
                    onClick={() => setEditing({ ...structuredClone(t), id: '', title: `${t.title} (copy)` })}
                  >
                    Copy and change
                  </button>
                </li>
              ))}
            </ul>
          </Sheet>
        </>
      )}
    </div>
  );
}

function TemplateText({ template: t }: { template: Template }) {
  const count = t.sections.reduce((n, s) => n + s.questions.length, 0);
  return (
    <span className="template-list__text">
      <span className="template-list__title">{t.title}</span>
      <span className="template-list__meta">
        {count} {count === 1 ? 'question' : 'questions'}
        {t.description && ` · ${t.description}`}
      </span>
    </span>
  );
}

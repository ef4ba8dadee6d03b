import type { Section } from '../../api';
import { describeKind, describeScoring } from '../../lib/assessments';
import './QuestionsPreview.css';

interface QuestionsPreviewProps {
  sections: Section[];
  /** Shown unfolded at first. */
  open?: boolean;
  title?: string;
}

/** The questions, section by section, with how each is asked and scored. */
export function QuestionsPreview({ sections, open = false, title = 'Questions' }: QuestionsPreviewProps) {
  const count = sections.reduce((n, s) => n + s.questions.length, 0);
  return (
    <details className="sheet questions-preview" open={open} data-testid="questions-preview">
      <summary className="questions-preview__summary">
        {title} ({count})
      </summary>
      {sections.map((section) => (
        <section key={section.id} className="questions-preview__section" aria-label={section.title}>
          <h4 className="section-label">{section.title}</h4>
          <ol className="questions-preview__list">
            {section.questions.map((q) => (
              <li key={q.id} className="questions-preview__question">
                <span className="questions-preview__prompt">
                  {q.prompt}
                  {q.required && <span className="questions-preview__required"> (required)</span>}
                </span>
                <span className="questions-preview__meta">
                  {describeKind(q.kind)} · {describeScoring(q)}
                  {q.scoring.rule !== 'none' && ` · weight ${q.weight}`}
                </span>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </details>
  );
}

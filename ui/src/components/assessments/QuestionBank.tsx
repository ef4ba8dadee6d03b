import { useId, useState } from 'react';
import type { Question, Template } from '../../api';
import { describeKind } from '../../lib/assessments';
import { Field } from '../Field';
import './QuestionBank.css';

interface QuestionBankProps {
  templates: Template[];
  onPick: (question: Question) => void;
  onClose: () => void;
}

/** Every question of every template, to add a copy of one here. */
export function QuestionBank({ templates, onPick, onClose }: QuestionBankProps) {
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const q = filter.trim().toLowerCase();
  const groups = templates
    .map((t) => ({
      template: t,
      questions: t.sections.flatMap((s) => s.questions).filter((question) => !q || question.prompt.toLowerCase().includes(q)),
    }))
    .filter((g) => g.questions.length > 0);
  return (
    <div className="question-bank" role="region" aria-label="Question bank" data-testid="question-bank">
      <div className="question-bank__head">
        <Field htmlFor={filterId} label="Find a question in any template" className="question-bank__filter">
          <input id={filterId} className="input" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoFocus />
        </Field>
        <button type="button" className="button button--ghost" onClick={onClose}>
          Done
        </button>
      </div>
      {groups.length === 0 ? (
        <p className="sheet__hint">No question matches.</p>
      ) : (
        groups.map(({ template, questions }) => (
          <section key={template.id} aria-label={template.title} className="question-bank__group">
            <h5 className="question-bank__template">{template.title}</h5>
            <ul className="question-bank__list">
              {questions.map((question) => (
                <li key={question.id} className="question-bank__item">
                  <span className="question-bank__text">
                    <span>{question.prompt}</span>
                    <span className="question-bank__kind">{describeKind(question.kind)}</span>
                  </span>
                  <button
                    type="button"
                    className="button"
                    aria-label={`Add “${question.prompt}”`}
                    data-testid={`bank-add-${question.id}`}
                    onClick={() => onPick(question)}
                  >
                    Add
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}

import { useState } from 'react';
import type { Question, Section, Template } from '../../api';
import { copyQuestion, newQuestion, newSection } from '../../lib/assessments';
import { Field } from '../Field';
import { PlusIcon, TrashIcon } from '../icons';
import { QuestionBank } from './QuestionBank';
import { QuestionEditor } from './QuestionEditor';
import './SectionsEditor.css';

interface SectionsEditorProps {
  sections: Section[];
  onChange: (sections: Section[]) => void;
  /** Templates to borrow questions from. */
  bank: Template[];
}

/** Sections of questions: add, remove, reorder, and borrow from the question bank. */
export function SectionsEditor({ sections, onChange, bank }: SectionsEditorProps) {
  const [banking, setBanking] = useState<string | null>(null);
  const all = sections.flatMap((s) => s.questions);

  const setSection = (index: number, section: Section) => onChange(sections.map((s, i) => (i === index ? section : s)));
  const setQuestions = (index: number, questions: Question[]) => setSection(index, { ...sections[index], questions });

  let count = 0;
  return (
    <div className="sections-editor" data-testid="sections-editor">
      {sections.map((section, si) => (
        <section key={section.id} className="sections-editor__section" aria-label={section.title || `Section ${si + 1}`}>
          <div className="sections-editor__head">
            <Field htmlFor={`section-title-${section.id}`} label={`Section ${si + 1} title`} className="sections-editor__title">
              <input
                id={`section-title-${section.id}`}
                className="input"
                data-testid="section-title"
                value={section.title}
                placeholder="For example: Goals"
                onChange={(e) => setSection(si, { ...section, title: e.target.value })}
              />
            </Field>
            <button
              type="button"
              className="icon-button icon-button--danger"
              aria-label={`Remove section ${si + 1}`}
              disabled={sections.length <= 1}
              onClick={() => onChange(sections.filter((_, i) => i !== si))}
            >
              <TrashIcon size={14} />
            </button>
          </div>
          <ol className="sections-editor__questions">
            {section.questions.map((q, qi) => {
              count += 1;
              return (
                <QuestionEditor
                  key={q.id}
                  question={q}
                  number={count}
                  first={qi === 0}
                  last={qi === section.questions.length - 1}
                  onChange={(next) => setQuestions(si, section.questions.map((x) => (x.id === q.id ? next : x)))}
                  onRemove={() => setQuestions(si, section.questions.filter((x) => x.id !== q.id))}
                  onMove={(by) => {
                    const list = [...section.questions];
                    [list[qi], list[qi + by]] = [list[qi + by], list[qi]];
                    setQuestions(si, list);
                  }}
                />
              );
            })}
          </ol>
          <div className="sections-editor__add">
            <button type="button" className="button" data-testid="question-add" onClick={() => setQuestions(si, [...section.questions, newQuestion()])}>
              <PlusIcon size={14} /> Add question
            </button>
            <button
              type="button"
              className="button"
              data-testid="question-bank-open"
              aria-expanded={banking === section.id}
              onClick={() => setBanking((b) => (b === section.id ? null : section.id))}
            >
              From the question bank
            </button>
          </div>
          {banking === section.id && (
            <QuestionBank
              templates={bank}
              onPick={(q) => setQuestions(si, [...section.questions, copyQuestion(q, all)])}
              onClose={() => setBanking(null)}
            />
          )}
        </section>
      ))}
      <button type="button" className="button button--ghost" data-testid="section-add" onClick={() => onChange([...sections, newSection()])}>
        <PlusIcon size={14} /> Add section
      </button>
    </div>
  );
}

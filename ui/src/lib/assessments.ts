// Pure helpers for assessments: words for states, answers as text, and the
// shapes a question editor starts from. Scores are always the core's; nothing
// here computes one.
import type { Answer, Progress, Question, QuestionKind, QuestionType, Role, Scoring, Section } from '../api';

export const PROGRESS_LABEL: Record<Progress, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  submitted: 'Submitted, waiting for review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
};

/** Still waiting on the assignee (the core's `awaits_assignee`). */
export function awaitsAssignee(progress: Progress): boolean {
  return progress === 'not_started' || progress === 'in_progress' || progress === 'changes_requested';
}

export function canManage(role: Role | undefined): boolean {
  return role === 'owner' || role === 'manager';
}

/** 72.46 → "72.5", 100 → "100", null → "–". */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return '–';
  return String(Math.round(score * 10) / 10);
}

/** The score that counts when there is one, else the rules' score. */
export function shownScore(a: { score: number | null; autoScore: number | null }): number | null {
  return a.score ?? a.autoScore;
}

export const KIND_LABEL: Record<QuestionType, string> = {
  single_choice: 'Single choice',
  multiple_choice: 'Multiple choice',
  likert: 'Agree / disagree (1–5)',
  scale: 'Number scale',
  yes_no: 'Yes / no',
  free_text: 'Free text',
};

export const LIKERT_LABELS = ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'];

export function allQuestions(sections: readonly Section[]): Question[] {
  return sections.flatMap((s) => s.questions);
}

export function isAnswered(answer: Answer | null | undefined): boolean {
  if (!answer) return false;
  if (answer.type === 'text') return answer.value.trim() !== '';
  if (answer.type === 'choices') return answer.value.length > 0;
  return true;
}

/** The first required question without an answer, and the index of its section. */
export function firstUnanswered(
  sections: readonly Section[],
  answers: Readonly<Record<string, Answer>>,
): { question: Question; sectionIndex: number } | null {
  for (const [sectionIndex, section] of sections.entries()) {
    const question = section.questions.find((q) => q.required && !isAnswered(answers[q.id]));
    if (question) return { question, sectionIndex };
  }
  return null;
}

export function requiredProgress(sections: readonly Section[], answers: Readonly<Record<string, Answer>>) {
  const required = allQuestions(sections).filter((q) => q.required);
  return { answered: required.filter((q) => isAnswered(answers[q.id])).length, total: required.length };
}

/** How an answer reads to a person: "Most", "Yes", "4 – Agree", "a; b". */
export function answerText(question: Question | undefined, answer: Answer | undefined): string {
  if (!answer) return '';
  switch (answer.type) {
    case 'choice':
      return answer.value;
    case 'choices':
      return answer.value.join('; ');
    case 'yes_no':
      return answer.value ? 'Yes' : 'No';
    case 'text':
      return answer.value;
    case 'number':
      return question?.kind.type === 'likert' ? `${answer.value} – ${LIKERT_LABELS[answer.value - 1] ?? ''}` : String(answer.value);
  }
}

/** The core writes yes/no answers as "yes"/"no"; people read "Yes"/"No", and a Likert "4" as "4 – Agree". */
export function resultText(value: string, question?: Pick<Question, 'kind'>): string {
  if (value === 'yes') return 'Yes';
  if (value === 'no') return 'No';
  const likert = question?.kind.type === 'likert' ? LIKERT_LABELS[Number(value) - 1] : undefined;
  return likert ? `${value} – ${likert}` : value;
}

// ----- editing questions -----

let counter = 0;
/** A fresh id for a new section or question; unique within this window. */
export function localId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter.toString(36)}`;
}

export function defaultKind(type: QuestionType, previous?: QuestionKind): QuestionKind {
  const options =
    previous && (previous.type === 'single_choice' || previous.type === 'multiple_choice')
      ? previous.options
      : ['Option 1', 'Option 2'];
  switch (type) {
    case 'single_choice':
      return { type, options: [...options] };
    case 'multiple_choice':
      return { type, options: [...options] };
    case 'scale':
      return { type, min: 1, max: 10 };
    default:
      return { type };
  }
}

/** The scoring rules a kind of question can have. */
export function scoringRules(kind: QuestionKind): Scoring['rule'][] {
  switch (kind.type) {
    case 'single_choice':
    case 'multiple_choice':
      return ['none', 'points'];
    case 'likert':
    case 'scale':
      return ['none', 'linear'];
    case 'yes_no':
      return ['none', 'expect'];
    case 'free_text':
      return ['none'];
  }
}

/** The scoring rule a new question of this kind starts with: scored, when it can be. */
function lastRule(kind: QuestionKind): Scoring['rule'] {
  const rules = scoringRules(kind);
  return rules[rules.length - 1];
}

export const RULE_LABEL: Record<Scoring['rule'], string> = {
  none: 'Not scored',
  linear: 'Higher is better',
  points: 'Points per option',
  expect: 'Expected answer',
};

export function defaultScoring(kind: QuestionKind, rule: Scoring['rule'] = lastRule(kind)): Scoring {
  switch (rule) {
    case 'linear':
      return { rule, reverse: false };
    case 'points':
      return {
        rule,
        points: kind.type === 'single_choice' || kind.type === 'multiple_choice' ? kind.options.map((_, i) => i) : [],
      };
    case 'expect':
      return { rule, yes: true };
    default:
      return { rule: 'none' };
  }
}

/** Keeps a scoring rule in step with its question after the kind or options changed. */
export function fitScoring(kind: QuestionKind, scoring: Scoring): Scoring {
  if (!scoringRules(kind).includes(scoring.rule)) return defaultScoring(kind);
  if (scoring.rule === 'points' && (kind.type === 'single_choice' || kind.type === 'multiple_choice')) {
    const points = kind.options.map((_, i) => scoring.points[i] ?? 0);
    return { rule: 'points', points };
  }
  return scoring;
}

export function newQuestion(type: QuestionType = 'likert'): Question {
  const kind = defaultKind(type);
  return { id: localId('q'), prompt: '', kind, weight: 1, required: true, scoring: defaultScoring(kind) };
}

export function newSection(title = ''): Section {
  return { id: localId('s'), title, questions: [newQuestion()] };
}

/** A copy of questions taken from elsewhere, with ids unique among `existing`. */
export function copyQuestion(question: Question, existing: readonly Question[]): Question {
  const taken = new Set(existing.map((q) => q.id));
  const id = taken.has(question.id) ? localId('q') : question.id;
  return { ...structuredClone(question), id };
}

/** A scoring rule in words: "Points: None 0, Some 1", "Lower is better", "Expects Yes". */
export function describeScoring(question: Question): string {
  const { scoring, kind } = question;
  switch (scoring.rule) {
    case 'none':
      return 'Not scored';
    case 'linear':
      return scoring.reverse ? 'Lower is better' : 'Higher is better';
    case 'expect':
      return `Expects ${scoring.yes ? 'Yes' : 'No'}`;
    case 'points': {
      const options = kind.type === 'single_choice' || kind.type === 'multiple_choice' ? kind.options : [];
      return `Points: ${options.map((o, i) => `${o} ${scoring.points[i] ?? 0}`).join(', ')}`;
    }
  }
}

/** The kind in words, with its range or options count. */
export function describeKind(kind: QuestionKind): string {
  switch (kind.type) {
    case 'scale':
      return `Scale ${kind.min}–${kind.max}`;
    case 'single_choice':
    case 'multiple_choice':
      return `${KIND_LABEL[kind.type]}: ${kind.options.join(', ')}`;
    default:
      return KIND_LABEL[kind.type];
  }
}

/**
 * A wide scale's value counts grouped into at most `bars` ranges ("0–4", "5–9"…),
 * so its chart stays readable; a narrow one is left as it is.
 */
export function groupCounts(counts: [string, number][], bars = 10): [string, number][] {
  if (counts.length <= bars + 1) return counts;
  const size = Math.ceil(counts.length / bars);
  const groups: [string, number][] = [];
  for (let i = 0; i < counts.length; i += size) {
    const part = counts.slice(i, i + size);
    const label = part.length === 1 ? part[0][0] : `${part[0][0]}–${part[part.length - 1][0]}`;
    groups.push([label, part.reduce((n, [, c]) => n + c, 0)]);
  }
  return groups;
}

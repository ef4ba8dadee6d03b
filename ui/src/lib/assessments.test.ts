import { describe, expect, it } from 'vitest';
import type { Question } from '../api';
import { builtinTemplates } from '../dev/fakeAssessments';
import {
  answerText,
  copyQuestion,
  defaultKind,
  describeScoring,
  firstUnanswered,
  fitScoring,
  formatScore,
  groupCounts,
  isAnswered,
  requiredProgress,
  shownScore,
} from './assessments';

const [quarterly] = builtinTemplates();

describe('assessment helpers', () => {
  it('formats scores to one decimal, and a dash for none', () => {
    expect(formatScore(72.46)).toBe('72.5');
    expect(formatScore(100)).toBe('100');
    expect(formatScore(null)).toBe('–');
    expect(shownScore({ score: null, autoScore: 61 })).toBe(61);
    expect(shownScore({ score: 85, autoScore: 61 })).toBe(85);
  });

  it('finds the first required question left blank, and its step', () => {
    const answers = { 'goals-clear': { type: 'number', value: 4 }, 'goals-met': { type: 'choice', value: 'All' }, overloaded: { type: 'number', value: 2 } } as const;
    const gap = firstUnanswered(quarterly.sections, answers);
    expect(gap?.question.id).toBe('focus');
    expect(gap?.sectionIndex).toBe(1);
    expect(requiredProgress(quarterly.sections, answers)).toEqual({ answered: 3, total: 5 });
    expect(isAnswered({ type: 'text', value: '  ' })).toBe(false);
    expect(isAnswered({ type: 'choices', value: [] })).toBe(false);
  });

  it('keeps a scoring rule fitting its question when the kind or options change', () => {
    const choice = defaultKind('single_choice');
    expect(fitScoring(choice, { rule: 'linear', reverse: false })).toEqual({ rule: 'points', points: [0, 1] });
    const three = { type: 'single_choice' as const, options: ['a', 'b', 'c'] };
    expect(fitScoring(three, { rule: 'points', points: [5, 6] })).toEqual({ rule: 'points', points: [5, 6, 0] });
    expect(fitScoring({ type: 'free_text' }, { rule: 'expect', yes: true })).toEqual({ rule: 'none' });
    expect(fitScoring({ type: 'yes_no' }, { rule: 'none' })).toEqual({ rule: 'none' });
  });

  it('says answers and rules in words', () => {
    const likert = quarterly.sections[0].questions[0];
    expect(answerText(likert, { type: 'number', value: 4 })).toBe('4 – Agree');
    expect(answerText(undefined, { type: 'yes_no', value: false })).toBe('No');
    expect(describeScoring(quarterly.sections[0].questions[1])).toBe('Points: None 0, Some 1, Most 2, All 3');
    expect(describeScoring(quarterly.sections[1].questions[0])).toBe('Lower is better');
  });

  it('copies a borrowed question under a new id only when its id is taken', () => {
    const q: Question = quarterly.sections[0].questions[0];
    expect(copyQuestion(q, []).id).toBe(q.id);
    const copy = copyQuestion(q, [q]);
    expect(copy.id).not.toBe(q.id);
    expect(copy.prompt).toBe(q.prompt);
  });

  it('groups a wide scale into ranges for its chart, and leaves a narrow one alone', () => {
    const wide = Array.from({ length: 41 }, (_, i) => [String(i), i === 28 ? 2 : i === 3 ? 1 : 0] as [string, number]);
    const grouped = groupCounts(wide);
    expect(grouped).toHaveLength(9);
    expect(grouped[0]).toEqual(['0–4', 1]);
    expect(grouped[5]).toEqual(['25–29', 2]);
    expect(grouped[8]).toEqual(['40', 0]);
    const likert: [string, number][] = [['1', 0], ['2', 1], ['3', 0], ['4', 0], ['5', 3]];
    expect(groupCounts(likert)).toBe(likert);
  });
});

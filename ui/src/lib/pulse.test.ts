import { describe, expect, it } from 'vitest';
import type { PulsePeriod } from '../api';
import { addMonths, anonymityNote, checkQuestions, coverage, nextPeriodStart, periodOf } from './pulse';

const period = (received: number, published: number): PulsePeriod => ({
  period: '2026-11-23',
  received,
  published,
  threshold: 5,
  questions: {},
  comments: [],
  departments: {},
});

describe('pulse helpers', () => {
  it('finds periods and the next one as the core does, month ends included', () => {
    expect(periodOf({ starts: '2026-11-23', cadence: 'weekly' }, '2026-11-22')).toBeNull();
    expect(periodOf({ starts: '2026-11-23', cadence: 'weekly' }, '2026-12-06')).toBe('2026-11-30');
    expect(periodOf({ starts: '2026-11-23', cadence: 'biweekly' }, '2026-12-06')).toBe('2026-11-23');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    const monthly = { starts: '2026-01-31', cadence: 'monthly' as const };
    expect(periodOf(monthly, '2026-03-30')).toBe('2026-02-28');
    expect(nextPeriodStart(monthly, '2026-02-28')).toBe('2026-03-31');
    expect(nextPeriodStart({ starts: '2026-12-28', cadence: 'weekly' }, '2026-12-28')).toBe('2027-01-04');
    expect(nextPeriodStart({ starts: '2026-12-28', cadence: 'biweekly' }, '2026-12-28')).toBe('2027-01-11');
  });

  it('says what a manager waits for, and what a member is promised', () => {
    expect(coverage(period(3, 0), 5).text).toBe('3 answers so far; figures appear at 5');
    expect(coverage(period(7, 5), 5).text).toBe('Covers 5 of 7 answers; the next update comes at 10');
    expect(coverage(period(5, 5), 5).text).toBe('Covers all 5 answers; the next update comes at 10');
    expect(anonymityNote(6)).toBe(
      'Your answer is anonymous: your manager sees only totals, and only once at least 6 people have answered.',
    );
    expect(anonymityNote(null)).toContain('never fewer than 3');
  });

  it('checks the statements before a survey is saved', () => {
    expect(checkQuestions([])).toBe('Write at least one statement.');
    expect(checkQuestions(['A', ' '])).toBe('Statement 2 is empty: write it or remove it.');
    expect(checkQuestions(['A', 'A '])).toBe('Statement 2 repeats an earlier one.');
    expect(checkQuestions(Array.from({ length: 11 }, (_, i) => `Q${i}`))).toBe('Ask at most 10 statements.');
    expect(checkQuestions(['A', 'B'])).toBeNull();
  });
});

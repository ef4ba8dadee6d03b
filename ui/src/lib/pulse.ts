// Pure helpers for pulse surveys: periods (the core's `period_of`), the words for
// cadences and periods, and what a person is told about anonymity. Figures are
// always the relay's; nothing here computes one from answers.
import type { Cadence, PulsePeriod, PulseView } from '../api';
import { formatDue } from './dates';

/** The anonymity threshold a team starts with, and the range a manager may choose. */
export const DEFAULT_THRESHOLD = 5;
export const MIN_THRESHOLD = 3;
export const MAX_THRESHOLD = 10;
export const MAX_PULSE_QUESTIONS = 10;

export const CADENCE_LABEL: Record<Cadence, string> = {
  weekly: 'Every week',
  biweekly: 'Every two weeks',
  monthly: 'Every month',
};

/** "you answered this week / fortnight / month". */
export const PERIOD_WORD: Record<Cadence, string> = {
  weekly: 'week',
  biweekly: 'fortnight',
  monthly: 'month',
};

// ----- calendar days as YYYY-MM-DD, counted in UTC days so no time zone shifts them -----

function dayNumber(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return Math.round(ms / 86_400_000);
}

function fromDayNumber(days: number): string {
  const d = new Date(days * 86_400_000);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

export function addDays(iso: string, days: number): string | null {
  const n = dayNumber(iso);
  return n === null ? null : fromDayNumber(n + days);
}

export function daysBetween(from: string, to: string): number | null {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === null || b === null ? null : b - a;
}

/** The same day `months` later, or the month's last day if it is shorter (as the core does). */
export function addMonths(iso: string, months: number): string | null {
  if (dayNumber(iso) === null) return null;
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12 + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The first day of the period containing `date`, or null before the survey starts (the core's `period_of`). */
export function periodOf(survey: { starts: string; cadence: Cadence }, date: string): string | null {
  const days = daysBetween(survey.starts, date);
  if (days === null || days < 0) return null;
  switch (survey.cadence) {
    case 'weekly':
      return addDays(survey.starts, days - (days % 7));
    case 'biweekly':
      return addDays(survey.starts, days - (days % 14));
    case 'monthly': {
      let months = 0;
      for (;;) {
        const next = addMonths(survey.starts, months + 1);
        if (next === null || next > date) break;
        months += 1;
      }
      return addMonths(survey.starts, months);
    }
  }
}

/** The first day of the period after the one starting on `period`. */
export function nextPeriodStart(survey: { starts: string; cadence: Cadence }, period: string): string | null {
  switch (survey.cadence) {
    case 'weekly':
      return addDays(period, 7);
    case 'biweekly':
      return addDays(period, 14);
    case 'monthly': {
      // Months count from the start day, so a survey starting on the 31st keeps to month ends.
      for (let months = 1; months < 1200; months += 1) {
        const next = addMonths(survey.starts, months);
        if (next === null) return null;
        if (next > period) return next;
      }
      return null;
    }
  }
}

/** "Week of Mar 4", "Two weeks from Mar 4", "Month from Mar 4". */
export function periodLabel(cadence: Cadence, period: string, now: Date = new Date()): string {
  const day = formatDue(period, now);
  switch (cadence) {
    case 'weekly':
      return `Week of ${day}`;
    case 'biweekly':
      return `Two weeks from ${day}`;
    case 'monthly':
      return `Month from ${day}`;
  }
}

/** "Mar 4" for the axis of a trend. */
export function periodShort(period: string, now: Date = new Date()): string {
  return formatDue(period, now);
}

/** An active survey whose current period I have not answered: it waits on me. */
export function awaitsMe(survey: PulseView): boolean {
  return survey.active && survey.currentPeriod !== null && !survey.answered;
}

export function isValidThreshold(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_THRESHOLD && value <= MAX_THRESHOLD;
}

/**
 * What a person is told before answering. With the threshold unknown (a member
 * whose core does not say it), only the floor every team keeps is promised.
 */
export function anonymityNote(threshold: number | null): string {
  const when =
    threshold === null
      ? `only once enough people have answered (never fewer than ${MIN_THRESHOLD})`
      : `only once at least ${threshold} people have answered`;
  return `Your answer is anonymous: your manager sees only totals, and ${when}.`;
}

/** 3.456 → "3.5" */
export function formatMean(mean: number): string {
  return (Math.round(mean * 10) / 10).toFixed(1);
}

/** Where a period's figures stand, in words, for a manager. */
export function coverage(period: PulsePeriod, threshold: number): { pending: boolean; text: string; nextAt: number } {
  if (period.published === 0) {
    const answers = `${period.received} ${period.received === 1 ? 'answer' : 'answers'} so far`;
    return {
      pending: true,
      nextAt: threshold,
      text:
        period.received >= threshold
          ? `${answers}; figures appear with the relay's next update`
          : `${answers}; figures appear at ${threshold}`,
    };
  }
  const nextAt = period.published + threshold;
  return {
    pending: false,
    nextAt,
    text:
      period.received > period.published
        ? `Covers ${period.published} of ${period.received} answers; the next update comes at ${nextAt}`
        : `Covers all ${period.published} answers; the next update comes at ${nextAt}`,
  };
}

/** Distinct non-blank prompts, in order; the first repeated or blank one is reported. */
export function checkQuestions(prompts: readonly string[]): string | null {
  const trimmed = prompts.map((p) => p.trim());
  if (trimmed.length === 0) return 'Write at least one statement.';
  if (trimmed.length > MAX_PULSE_QUESTIONS) return `Ask at most ${MAX_PULSE_QUESTIONS} statements.`;
  const blank = trimmed.findIndex((p) => p === '');
  if (blank >= 0) return `Statement ${blank + 1} is empty: write it or remove it.`;
  const seen = new Set<string>();
  for (const [i, p] of trimmed.entries()) {
    if (seen.has(p)) return `Statement ${i + 1} repeats an earlier one.`;
    seen.add(p);
  }
  return null;
}

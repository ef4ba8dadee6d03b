// What every half of the in-memory core (chat, people, assessments, pulses)
// takes from fakeBackend.ts, and the checks they all make the same way.
import type { Role } from '../api/types';

/** A half's answer to a command that is not its own: the backend asks the next half. */
export const NOT_HANDLED = Symbol('not handled');

/** What each half of the fake core needs from the rest of it; a half asks for more by extending this. */
export interface FakeHost {
  me: string;
  now: () => number;
  id: (prefix: string) => string;
  nameOf: (userId: string) => string;
  /** The team's live member list (edits go straight into the team); throws not_found for a team that does not exist. */
  teamMembers: (teamId: string) => { userId: string; role: Role }[];
  fail: (code: string, message: string) => never;
  /** doc-changed, when the fake emits events. */
  changed: (docId: string, kind: string, teamId: string | null) => void;
  /** Today as YYYY-MM-DD, by the fake's clock. */
  today: () => string;
}

/** Fails with forbidden ("you may not …") unless I own or manage the team. */
export function requireManager(host: FakeHost, teamId: string, what: string): void {
  const role = host.teamMembers(teamId).find((m) => m.userId === host.me)?.role;
  if (role !== 'owner' && role !== 'manager') host.fail('forbidden', `you may not ${what}`);
}

/** The text trimmed, as the core checks a name, a title or a message: a string, not empty, at most `max` characters. */
export function checkedText(fail: FakeHost['fail'], what: string, raw: unknown, max: number): string {
  if (typeof raw !== 'string') return fail('invalid_input', `${what} must be a string`);
  const value = raw.trim();
  if (!value) return fail('empty', `${what} must not be empty`);
  if ([...value].length > max) return fail('too_long', `${what} is too long (at most ${max} characters)`);
  return value;
}

/** The date trimmed, as the core checks one: a day of the calendar, written YYYY-MM-DD. */
export function checkedDate(fail: FakeHost['fail'], raw: string): string {
  const value = raw.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [y, m, d] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const real = match !== null && m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
  return real ? value : fail('invalid_date', `\`${raw}\` is not a valid date (expected YYYY-MM-DD)`);
}

// The pulse-survey half of the in-memory stand-in for the Rust core (see
// fakeBackend.ts), following the "Pulse commands" of docs/ipc.md. It plays the
// relay too: each answer is aggregated at once under the same three anonymity
// rules as crates/model/src/pulse.rs, so every state of the UI can be seen.
import type { Cadence, PulseDepartmentFigures, PulsePeriod, PulseQuestion, PulseQuestionFigures, PulseResults, PulseView } from '../api/types';
import { periodOf } from '../lib/pulse';
import { checkedDate, checkedText, NOT_HANDLED, requireManager, type FakeHost } from './fakeHost';

const DEFAULT_THRESHOLD = 5;
const MIN_THRESHOLD = 3;
const MAX_THRESHOLD = 10;
const MAX_QUESTIONS = 10;
const MAX_TITLE = 300;
const MAX_COMMENT = 2_000;
const CADENCES: Cadence[] = ['weekly', 'biweekly', 'monthly'];

/** What the pulse commands need from the rest of the fake core. */
export interface PulsesHost extends FakeHost {
  departmentOf: (teamId: string, userId: string) => string | null;
}

/** A survey as stored: what every member sees of it, and its team; the rest of a PulseView is worked out when it is read. */
interface FakePulse extends Pick<PulseView, 'id' | 'title' | 'questions' | 'allowComment' | 'cadence' | 'starts' | 'active' | 'createdBy' | 'createdAt'> {
  teamId: string;
}

/** One submitted answer as the relay aggregates it. */
interface Submitted {
  userId: string;
  department: string | null;
  answers: Record<string, number>;
  comment: string | null;
}

/** A period's published results, with what the relay remembers between aggregations. */
interface StoredPeriod extends PulsePeriod {
  /** The count each department had when it was last shown (rule 2 per department). */
  departmentShown: Record<string, number>;
}

export class FakePulses {
  private readonly pulses = new Map<string, FakePulse>();
  private readonly thresholds = new Map<string, number>();
  /** By `${pulseId}/${period}`, oldest first. */
  private readonly answers = new Map<string, Submitted[]>();
  /** By pulse id, then period. */
  private readonly results = new Map<string, Map<string, StoredPeriod>>();

  constructor(private readonly host: PulsesHost) {}

  dispatch(cmd: string, a: Record<string, unknown>): unknown {
    const h = this.host;
    switch (cmd) {
      case 'pulse_list': {
        const teamId = String(a.teamId);
        h.teamMembers(teamId);
        return [...this.pulses.values()]
          .filter((p) => p.teamId === teamId)
          .sort((x, y) => x.title.toLowerCase().localeCompare(y.title.toLowerCase()))
          .map((p) => this.view(p));
      }
      case 'pulse_save':
        return this.save(String(a.teamId), (a.input ?? {}) as Record<string, unknown>);
      case 'pulse_threshold_set': {
        const teamId = String(a.teamId);
        requireManager(this.host, teamId, 'change the anonymity threshold');
        const value = Number(a.threshold);
        if (!Number.isInteger(value) || value < MIN_THRESHOLD || value > MAX_THRESHOLD) {
          h.fail('invalid_input', 'the anonymity threshold: choose 3 to 10 people');
        }
        this.thresholds.set(teamId, value);
        h.changed(teamId, 'team', teamId);
        return value;
      }
      case 'pulse_answer': {
        const teamId = String(a.teamId);
        const pulse = this.pulse(teamId, a.pulseId);
        if (!pulse.active) h.fail('not_found', `survey \`${pulse.id}\` does not exist`);
        const view = this.submit(pulse, h.me, a.answers, a.comment);
        return view;
      }
      case 'pulse_results': {
        const teamId = String(a.teamId);
        requireManager(this.host, teamId, 'see survey results; only managers do');
        const pulse = this.pulse(teamId, a.pulseId);
        const periods = [...(this.results.get(pulse.id)?.values() ?? [])]
          .sort((x, y) => y.period.localeCompare(x.period))
          .map(({ departmentShown: _shown, ...rest }) => rest);
        const out: PulseResults = { pulseId: pulse.id, threshold: this.threshold(teamId), periods };
        return out;
      }
      default:
        return NOT_HANDLED;
    }
  }

  // ----- store access (tests and seed data) -----

  /** Creates a survey straight in the store (created by me unless told). */
  addPulse(
    teamId: string,
    fields: { title: string; questions: string[]; cadence?: Cadence; starts?: string; allowComment?: boolean; active?: boolean; createdBy?: string },
  ): string {
    const id = this.host.id('pulse');
    this.pulses.set(id, {
      id,
      teamId,
      title: fields.title,
      questions: fields.questions.map((prompt) => ({ id: this.host.id('q'), prompt })),
      allowComment: fields.allowComment ?? true,
      cadence: fields.cadence ?? 'weekly',
      starts: fields.starts ?? this.host.today(),
      active: fields.active ?? true,
      createdBy: fields.createdBy ?? this.host.me,
      createdAt: this.host.now(),
    });
    return id;
  }

  questionIds(pulseId: string): string[] {
    return this.stored(pulseId).questions.map((q) => q.id);
  }

  /**
   * Someone's answer arriving at the relay, aggregated at once. `values` are one
   * per question in order; `period` defaults to the current one.
   */
  answerAs(
    pulseId: string,
    userId: string,
    values: number[],
    extra: { comment?: string; period?: string; department?: string | null } = {},
  ): void {
    const pulse = this.stored(pulseId);
    const answers = Object.fromEntries(pulse.questions.map((q, i) => [q.id, values[i] ?? values[values.length - 1] ?? 3]));
    const period = extra.period ?? periodOf(pulse, this.host.today()) ?? pulse.starts;
    const department = extra.department !== undefined ? extra.department : this.departmentOf(pulse.teamId, userId);
    this.record(pulse, period, { userId, department, answers, comment: extra.comment?.trim() || null });
  }

  setThreshold(teamId: string, threshold: number): void {
    this.thresholds.set(teamId, threshold);
  }

  // ----- reads -----

  private threshold(teamId: string): number {
    return this.thresholds.get(teamId) ?? DEFAULT_THRESHOLD;
  }

  private stored(id: unknown): FakePulse {
    return this.pulses.get(String(id)) ?? this.host.fail('not_found', `survey \`${String(id)}\` does not exist`);
  }

  private pulse(teamId: string, id: unknown): FakePulse {
    this.host.teamMembers(teamId);
    const pulse = this.stored(id);
    if (pulse.teamId !== teamId) this.host.fail('not_found', `survey \`${String(id)}\` does not exist`);
    return pulse;
  }

  private view(p: FakePulse): PulseView {
    const currentPeriod = periodOf(p, this.host.today());
    const answered = currentPeriod !== null && (this.answers.get(`${p.id}/${currentPeriod}`) ?? []).some((s) => s.userId === this.host.me);
    const { teamId: _team, ...rest } = p;
    return { ...structuredClone(rest), currentPeriod, answered, threshold: this.threshold(p.teamId) };
  }

  private departmentOf(teamId: string, userId: string): string | null {
    try {
      return this.host.departmentOf(teamId, userId);
    } catch {
      return null;
    }
  }

  // ----- writes -----

  private save(teamId: string, input: Record<string, unknown>): PulseView {
    const h = this.host;
    requireManager(this.host, teamId, 'run pulse surveys in this team');
    const id = typeof input.id === 'string' && input.id.trim() ? input.id : '';
    const existing = id ? this.pulse(teamId, id) : undefined;
    const title = checkedText(this.host.fail, 'a survey title', input.title, MAX_TITLE);
    if (!Array.isArray(input.questions)) return h.fail('invalid_input', 'questions must be a list');
    const prompts = (input.questions as unknown[]).map((q) => checkedText(this.host.fail, 'a question', q, MAX_TITLE));
    if (prompts.length === 0 || prompts.length > MAX_QUESTIONS) h.fail('invalid_input', 'a pulse survey: ask 1 to 10 questions');
    const questions = prompts.map((prompt) => ({
      id: existing?.questions.find((q) => q.prompt === prompt)?.id ?? h.id('q'),
      prompt,
    }));
    if (new Set(questions.map((q) => q.id)).size !== questions.length) {
      h.fail('invalid_input', 'a question id: each must be present and unique');
    }
    const cadence = CADENCES.includes(input.cadence as Cadence) ? (input.cadence as Cadence) : h.fail('invalid_input', 'unknown cadence');
    const starts = input.starts === undefined || input.starts === null ? h.today() : checkedDate(h.fail, String(input.starts));
    const today = h.today();
    if (existing && JSON.stringify(existing.questions) !== JSON.stringify(questions) && existing.starts <= today) {
      h.fail('questions_fixed', 'the questions are fixed once the survey has started; start a new survey instead');
    }
    const pulse: FakePulse = {
      id: existing?.id ?? h.id('pulse'),
      teamId,
      title,
      questions,
      allowComment: input.allowComment === true,
      cadence,
      starts,
      active: input.active === undefined ? true : input.active === true,
      createdBy: existing?.createdBy ?? h.me,
      createdAt: existing?.createdAt ?? h.now(),
    };
    this.pulses.set(pulse.id, pulse);
    h.changed(teamId, 'team', teamId);
    return this.view(pulse);
  }

  private submit(pulse: FakePulse, userId: string, rawAnswers: unknown, rawComment: unknown): PulseView {
    const h = this.host;
    const period = periodOf(pulse, h.today()) ?? h.fail('invalid_input', 'this survey has not started yet');
    const key = `${pulse.id}/${period}`;
    if ((this.answers.get(key) ?? []).some((s) => s.userId === userId)) {
      h.fail('already_answered', 'you already answered this period of the survey; the next period brings a new one');
    }
    const given = (rawAnswers ?? {}) as Record<string, unknown>;
    const answers: Record<string, number> = {};
    for (const q of pulse.questions) {
      if (!(q.id in given)) h.fail('unanswered', `answer every required question first: “${q.prompt}” has no answer`);
      const v = Number(given[q.id]);
      if (!Number.isInteger(v) || v < 1 || v > 5) h.fail('invalid_input', 'a pulse answer: answer 1 to 5');
      answers[q.id] = v;
    }
    if (Object.keys(given).length !== pulse.questions.length) {
      h.fail('invalid_input', 'a pulse answer: it answers a question the survey does not ask');
    }
    let comment: string | null = null;
    if (typeof rawComment === 'string' && rawComment.trim()) {
      comment = rawComment.trim();
      if ([...comment].length > MAX_COMMENT) h.fail('too_long', `a comment is too long (at most ${MAX_COMMENT} characters)`);
      if (!pulse.allowComment) h.fail('invalid_input', 'a comment: this survey takes no comments');
    }
    h.changed(`${key}/${userId}`, 'pulse_answer', pulse.teamId);
    this.record(pulse, period, { userId, department: this.departmentOf(pulse.teamId, userId), answers, comment });
    return this.view(pulse);
  }

  /** Stores an answer and aggregates its period again, as the relay does. */
  private record(pulse: FakePulse, period: string, answer: Submitted): void {
    const key = `${pulse.id}/${period}`;
    const list = [...(this.answers.get(key) ?? []), answer];
    this.answers.set(key, list);
    const byPeriod = this.results.get(pulse.id) ?? new Map<string, StoredPeriod>();
    this.results.set(pulse.id, byPeriod);
    byPeriod.set(period, aggregate(period, list, pulse.questions, this.threshold(pulse.teamId), byPeriod.get(period)));
    this.host.changed(pulse.id, 'pulse_results', pulse.teamId);
  }
}

function mean(values: number[]): number {
  if (values.length === 0) return 0;
  return Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100;
}

/**
 * A period's results from all its answers so far (oldest first), given what was
 * published before: the relay's three rules (crates/model/src/pulse.rs).
 */
function aggregate(
  period: string,
  answers: readonly Submitted[],
  questions: readonly PulseQuestion[],
  threshold: number,
  previous: StoredPeriod | undefined,
): StoredPeriod {
  const received = answers.length;
  const out: StoredPeriod = previous
    ? structuredClone(previous)
    : { period, received: 0, published: 0, threshold, questions: {}, comments: [], departments: {}, departmentShown: {} };
  out.received = received;
  out.threshold = threshold;
  // Rule 1: nothing below the threshold. Rule 2: move only after `threshold` more.
  const due = out.published === 0 ? received >= threshold : received >= out.published + threshold;
  if (!due) return out;
  out.published = received;
  out.questions = Object.fromEntries(
    questions.map((q): [string, PulseQuestionFigures] => {
      const values = answers.map((a) => a.answers[q.id]).filter((v): v is number => v !== undefined);
      const distribution = [0, 0, 0, 0, 0];
      for (const v of values) if (v >= 1 && v <= 5) distribution[v - 1] += 1;
      return [q.id, { count: values.length, mean: mean(values), distribution }];
    }),
  );
  out.comments = answers
    .map((a) => a.comment)
    .filter((c): c is string => c !== null)
    .sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));

  // Rule 3: a department shows with enough answers, changed by enough since last
  // shown, and leaving a remainder that is empty or big enough.
  const groups = new Map<string, Submitted[]>();
  for (const a of answers) if (a.department) groups.set(a.department, [...(groups.get(a.department) ?? []), a]);
  let shown = [...groups.entries()]
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([d, members]) => [d, members.length] as [string, number])
    .filter(([d, count]) => {
      const last = out.departmentShown[d] ?? 0;
      return count >= threshold && (last === 0 || count === last || count >= last + threshold);
    });
  for (;;) {
    const covered = shown.reduce((s, [, c]) => s + c, 0);
    const remainder = received - covered;
    if (remainder === 0 || remainder >= threshold || shown.length === 0) break;
    let smallest = 0;
    shown.forEach(([, c], i) => {
      if (c < shown[smallest][1]) smallest = i;
    });
    shown = shown.filter((_, i) => i !== smallest);
  }
  out.departments = Object.fromEntries(
    shown.map(([d, count]): [string, PulseDepartmentFigures] => {
      const members = groups.get(d) ?? [];
      const means = Object.fromEntries(
        questions.map((q) => [q.id, mean(members.map((a) => a.answers[q.id]).filter((v): v is number => v !== undefined))]),
      );
      return [d, { count, means }];
    }),
  );
  for (const [d, count] of shown) out.departmentShown[d] = count;
  return out;
}

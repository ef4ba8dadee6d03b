// The assessments half of the in-memory stand-in for the Rust core (see
// fakeBackend.ts), following the "Assessment commands" of docs/ipc.md: built-in
// templates, rounds of review, weighted scores (0–100) and results.
import type {
  Answer,
  AssessmentDetail,
  AssessmentResults,
  AssessmentSummary,
  AssignmentView,
  Decision,
  InboxItem,
  MemberResult,
  Progress,
  Question,
  QuestionKind,
  QuestionResult,
  Review,
  ResponseView,
  Scoring,
  Section,
  Template,
  TrendPoint,
} from '../api/types';
import { checkedDate, checkedText, NOT_HANDLED, requireManager, type FakeHost } from './fakeHost';

const MAX_TITLE = 300;
const MAX_TEXT = 10_000;
const BUILTIN = 'builtin:';

/** What the assessments need from the rest of the fake core. */
export interface AssessmentsHost extends FakeHost {
  departmentOf: (teamId: string, userId: string) => string | null;
  departmentIds: (teamId: string) => string[];
  departmentName: (teamId: string, id: string) => string | null;
}

type AssignmentStatus = 'assigned' | 'changes_requested' | 'approved';

interface FakeAssignment {
  userId: string;
  due: string | null;
  status: AssignmentStatus;
  round: number;
  department: string | null;
  nudges: number[];
}

interface FakeAssessment {
  id: string;
  teamId: string;
  owner: string;
  title: string;
  description: string;
  series: string;
  run: number;
  templateId: string | null;
  sections: Section[];
  assignments: Map<string, FakeAssignment>;
  reviews: Map<string, Review[]>;
  createdAt: number;
}

interface FakeResponse {
  status: 'draft' | 'submitted';
  round: number;
  answers: Record<string, Answer>;
  submittedAt: number | null;
}

// ----- built-in templates (the same ones the core ships) -----

function q(id: string, prompt: string, kind: QuestionKind, weight: number, scoring: Scoring): Question {
  return { id, prompt, kind, weight, required: scoring.rule !== 'none', scoring };
}
const likert = (id: string, prompt: string) => q(id, prompt, { type: 'likert' }, 1, { rule: 'linear', reverse: false });
const freeText = (id: string, prompt: string) => q(id, prompt, { type: 'free_text' }, 0, { rule: 'none' });
const skill = (id: string, prompt: string) =>
  q(id, prompt, { type: 'scale', min: 1, max: 10 }, 1, { rule: 'linear', reverse: false });

export function builtinTemplates(): Template[] {
  const t = (id: string, title: string, description: string, sections: Section[]): Template => ({
    id: `${BUILTIN}${id}`,
    title,
    description,
    sections,
    createdBy: '',
    updatedAt: 0,
  });
  return [
    t('quarterly-check-in', 'Quarterly check-in', 'How the quarter went: goals, workload and support.', [
      {
        id: 'goals',
        title: 'Goals',
        questions: [
          likert('goals-clear', 'My goals for this quarter were clear.'),
          q('goals-met', 'How many of your goals did you meet?', { type: 'single_choice', options: ['None', 'Some', 'Most', 'All'] }, 2, {
            rule: 'points',
            points: [0, 1, 2, 3],
          }),
        ],
      },
      {
        id: 'workload',
        title: 'Workload',
        questions: [
          q('overloaded', 'I often felt overloaded.', { type: 'likert' }, 1, { rule: 'linear', reverse: true }),
          q('focus', 'How many hours a week could you focus without interruption?', { type: 'scale', min: 0, max: 40 }, 1, {
            rule: 'linear',
            reverse: false,
          }),
        ],
      },
      {
        id: 'support',
        title: 'Support',
        questions: [
          likert('support', 'I got the support I needed from my manager.'),
          freeText('next', 'What should we change next quarter?'),
        ],
      },
    ]),
    t('onboarding-30', 'Onboarding review (30 days)', "A new member's first month: tools, people, first work.", [
      {
        id: 'first-month',
        title: 'First month',
        questions: [
          q('access', 'Did you have every tool and access you needed in week one?', { type: 'yes_no' }, 1, { rule: 'expect', yes: true }),
          likert('buddy', 'My onboarding buddy helped me find my way.'),
          q(
            'known',
            'Which of these do you know how to do?',
            { type: 'multiple_choice', options: ['Ship a change', 'Ask for review', "Find the team's docs", 'Book time off'] },
            2,
            { rule: 'points', points: [1, 1, 1, 1] },
          ),
          freeText('missing', 'What was missing?'),
        ],
      },
    ]),
    t('skills-self-assessment', 'Skills self-assessment', 'Each person rates their own skills, to plan training and pairing.', [
      {
        id: 'skills',
        title: 'Skills',
        questions: [
          skill('communication', 'Written communication (1 = learning, 10 = could teach it)'),
          skill('planning', 'Planning and estimating (1 = learning, 10 = could teach it)'),
          skill('mentoring', 'Mentoring others (1 = learning, 10 = could teach it)'),
          freeText('learn', 'What would you like to learn next?'),
        ],
      },
    ]),
  ];
}

// ----- scoring, as the core does it -----

/** The share (0–1) of its weight an answer earns; null when the question is not scored. */
export function answerFraction(question: Question, answer: Answer | undefined): number | null {
  const { scoring, kind } = question;
  if (scoring.rule === 'none') return null;
  if (!answer) return 0;
  const linear = (value: number, min: number, max: number, reverse: boolean) => {
    const f = Math.min(1, Math.max(0, (value - min) / (max - min)));
    return reverse ? 1 - f : f;
  };
  const options = kind.type === 'single_choice' || kind.type === 'multiple_choice' ? kind.options : [];
  const pointsOf = (points: number[], choice: string) => points[options.indexOf(choice)] ?? 0;
  if (scoring.rule === 'linear' && answer.type === 'number') {
    if (kind.type === 'likert') return linear(answer.value, 1, 5, scoring.reverse);
    if (kind.type === 'scale') return linear(answer.value, kind.min, kind.max, scoring.reverse);
  }
  if (scoring.rule === 'points' && answer.type === 'choice') {
    const best = Math.max(0, ...scoring.points);
    return best > 0 ? Math.min(1, Math.max(0, pointsOf(scoring.points, answer.value) / best)) : 0;
  }
  if (scoring.rule === 'points' && answer.type === 'choices') {
    const total = scoring.points.filter((p) => p > 0).reduce((s, p) => s + p, 0);
    const got = answer.value.reduce((s, c) => s + pointsOf(scoring.points, c), 0);
    return total > 0 ? Math.min(1, Math.max(0, got / total)) : 0;
  }
  if (scoring.rule === 'expect' && answer.type === 'yes_no') return answer.value === scoring.yes ? 1 : 0;
  return 0;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** A weighted score out of 100 over the scored questions; null if none is scored. */
export function scoreOf(sections: Section[], answers: Record<string, Answer>): number | null {
  let earned = 0;
  let total = 0;
  for (const question of sections.flatMap((s) => s.questions)) {
    const f = answerFraction(question, answers[question.id]);
    if (f === null) continue;
    earned += f * question.weight;
    total += question.weight;
  }
  return total > 0 ? round1((earned / total) * 100) : null;
}

function mean(values: number[]): number | null {
  return values.length ? round1(values.reduce((s, v) => s + v, 0) / values.length) : null;
}

function answerText(answer: Answer): string {
  switch (answer.type) {
    case 'choices':
      return answer.value.join('; ');
    case 'yes_no':
      return answer.value ? 'yes' : 'no';
    default:
      return String(answer.value);
  }
}

const awaitsAssignee = (p: Progress) => p === 'not_started' || p === 'in_progress' || p === 'changes_requested';

export class FakeAssessments {
  private readonly templates = new Map<string, Map<string, Template>>();
  private readonly assessments = new Map<string, FakeAssessment>();
  private readonly responses = new Map<string, FakeResponse>();
  /** What assessment_export answers next: a path, or null when the person cancels. */
  exportResult: string | null | undefined = undefined;

  constructor(private readonly host: AssessmentsHost) {}

  dispatch(cmd: string, a: Record<string, unknown>): unknown {
    const h = this.host;
    switch (cmd) {
      case 'template_list': {
        h.teamMembers(String(a.teamId));
        const own = [...this.teamTemplates(String(a.teamId)).values()].sort((x, y) =>
          x.title.toLowerCase().localeCompare(y.title.toLowerCase()),
        );
        return [...builtinTemplates(), ...own];
      }
      case 'template_save':
        return this.saveTemplate(String(a.teamId), a.template as Template);
      case 'template_delete': {
        const teamId = String(a.teamId);
        requireManager(this.host, teamId, "write this team's templates");
        if (!this.teamTemplates(teamId).delete(String(a.templateId))) {
          h.fail('not_found', `template \`${String(a.templateId)}\` does not exist`);
        }
        h.changed(teamId, 'team', teamId);
        return null;
      }
      case 'assessment_list': {
        const teamId = String(a.teamId);
        h.teamMembers(teamId);
        return [...this.assessments.values()]
          .filter((x) => x.teamId === teamId)
          .sort((x, y) => y.createdAt - x.createdAt)
          .map((x) => this.summary(x));
      }
      case 'assessment_get':
        return this.detail(this.assessment(a.assessmentId));
      case 'assessment_create':
        return this.detail(this.create(String(a.teamId), (a.input ?? {}) as Record<string, unknown>));
      case 'assessment_edit': {
        const x = this.owned(a.assessmentId, 'edit an assessment you do not own');
        const title = checkedText(this.host.fail, 'an assessment title', a.title, MAX_TITLE);
        const description = typeof a.description === 'string' ? a.description.trim() : '';
        if (Array.isArray(a.sections) && JSON.stringify(a.sections) !== JSON.stringify(x.sections)) {
          if (x.assignments.size > 0) {
            h.fail('questions_fixed', 'the questions are fixed once the assessment is assigned; run it again to change them');
          }
          this.validateSections(a.sections as Section[]);
          x.sections = structuredClone(a.sections as Section[]);
        }
        x.title = title;
        x.description = description;
        return this.write(x);
      }
      case 'assessment_assign':
        return this.assign(a);
      case 'assessment_unassign': {
        const x = this.owned(a.assessmentId, 'change an assessment you do not own');
        const assignment = this.assignment(x, a.userId);
        if (assignment.status === 'approved') h.fail('invalid_input', 'this assignment: it is approved; its result stays');
        x.assignments.delete(assignment.userId);
        return this.write(x);
      }
      case 'assessment_set_due': {
        const x = this.owned(a.assessmentId, 'change an assessment you do not own');
        const assignment = this.assignment(x, a.userId);
        assignment.due = a.due === null || a.due === undefined ? null : checkedDate(h.fail, String(a.due));
        return this.write(x);
      }
      case 'assessment_run_again': {
        const last = this.owned(a.assessmentId, 'run an assessment you do not own');
        const latest = Math.max(...[...this.assessments.values()].filter((y) => y.series === last.series).map((y) => y.run));
        const next = this.insertRun(last, latest + 1);
        const people = [...last.assignments.keys()];
        if (people.length) this.assign({ assessmentId: next.id, to: { to: 'people', ids: people }, due: a.due });
        h.changed(next.teamId, 'team', next.teamId);
        return this.write(next);
      }
      case 'assessment_nudge': {
        const x = this.owned(a.assessmentId, 'nudge for an assessment you do not own');
        const assignment = this.assignment(x, a.userId);
        if (assignment.status === 'approved') h.fail('invalid_input', 'this nudge: the assignment is already approved');
        assignment.nudges.push(h.now());
        this.write(x);
        return null;
      }
      case 'assessment_review':
        return this.review(a);
      case 'assessment_inbox':
        return this.inbox();
      case 'response_answer':
        return this.answer(a);
      case 'response_submit': {
        const x = this.assessment(a.assessmentId);
        const response = this.writable(x);
        const missing = x.sections.flatMap((s) => s.questions).find((qq) => qq.required && !(qq.id in response.answers));
        if (missing) h.fail('unanswered', `answer every required question first: “${missing.prompt}” has no answer`);
        response.status = 'submitted';
        response.submittedAt = h.now();
        h.changed(`${x.id}/${h.me}`, 'response', x.teamId);
        return this.detail(x);
      }
      case 'assessment_results':
        return this.results(this.assessment(a.assessmentId));
      case 'assessment_trend': {
        const x = this.assessment(a.assessmentId);
        return [...this.assessments.values()]
          .filter((y) => y.series === x.series && y.teamId === x.teamId)
          .sort((p, r) => p.run - r.run || p.createdAt - r.createdAt)
          .map((y): TrendPoint => {
            const r = this.results(y);
            return { assessmentId: y.id, run: y.run, createdAt: y.createdAt, submitted: r.submitted, averageScore: r.averageScore };
          });
      }
      case 'assessment_export': {
        const x = this.assessment(a.assessmentId);
        if (a.format !== 'csv' && a.format !== 'json') h.fail('invalid_input', 'export as csv or json');
        if (this.exportResult !== undefined) return this.exportResult;
        const slug = x.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
        return `/home/alex/Documents/${slug}-run-${x.run}.${String(a.format)}`;
      }
      default:
        return NOT_HANDLED;
    }
  }

  // ----- store access (tests and seed data) -----

  /** Creates an assessment straight in the store, owned by `owner` (default: me). */
  addAssessment(
    teamId: string,
    fields: { title: string; templateId?: string; sections?: Section[]; owner?: string; createdAt?: number },
  ): string {
    const template = fields.templateId ? builtinTemplates().find((t) => t.id === fields.templateId) : undefined;
    return this.insert({
      teamId,
      title: fields.title,
      description: '',
      sections: structuredClone(fields.sections ?? template?.sections ?? []),
      templateId: fields.templateId ?? null,
      owner: fields.owner,
      createdAt: fields.createdAt,
    }).id;
  }

  /** Starts the next run of a series straight in the store, for the same people. */
  addRun(assessmentId: string, fields: { createdAt?: number } = {}): string {
    const last = this.assessment(assessmentId);
    return this.insertRun(last, last.run + 1, fields.createdAt).id;
  }

  assignStored(assessmentId: string, userIds: string[], due: string | null = null): void {
    const x = this.assessment(assessmentId);
    for (const userId of userIds) {
      if (!x.assignments.has(userId)) x.assignments.set(userId, this.newAssignment(x.teamId, userId, due, null));
    }
  }

  /** Writes someone's answers straight in the store; `submit` hands them in. */
  respondAs(assessmentId: string, userId: string, answers: Record<string, Answer>, submit = false): void {
    const x = this.assessment(assessmentId);
    const assignment = this.assignment(x, userId);
    const key = `${x.id}/${userId}`;
    const response = this.responses.get(key) ?? { status: 'draft', round: assignment.round, answers: {}, submittedAt: null };
    response.answers = { ...response.answers, ...structuredClone(answers) };
    response.round = assignment.round;
    if (submit) {
      response.status = 'submitted';
      response.submittedAt = this.host.now();
    }
    this.responses.set(key, response);
  }

  /** Records a review straight in the store, as its owner would. */
  reviewStored(assessmentId: string, userId: string, decision: Decision, extra: { score?: number; reason?: string; feedback?: string } = {}): void {
    const x = this.assessment(assessmentId);
    this.applyReview(x, userId, decision, extra.score ?? null, extra.reason ?? null, extra.feedback ?? null, x.owner);
  }

  // ----- reads -----

  private teamTemplates(teamId: string): Map<string, Template> {
    let map = this.templates.get(teamId);
    if (!map) {
      map = new Map();
      this.templates.set(teamId, map);
    }
    return map;
  }

  private assessment(id: unknown): FakeAssessment {
    return this.assessments.get(String(id)) ?? this.host.fail('not_found', `assessment \`${String(id)}\` does not exist`);
  }

  private owned(id: unknown, what: string): FakeAssessment {
    const x = this.assessment(id);
    if (x.owner !== this.host.me) this.host.fail('forbidden', `you may not ${what}`);
    return x;
  }

  private assignment(x: FakeAssessment, userId: unknown): FakeAssignment {
    return x.assignments.get(String(userId)) ?? this.host.fail('not_found', `assignment \`${String(userId)}\` does not exist`);
  }

  private response(x: FakeAssessment, userId: string): FakeResponse | undefined {
    return this.responses.get(`${x.id}/${userId}`);
  }

  private progress(x: FakeAssessment, a: FakeAssignment): Progress {
    if (a.status === 'approved') return 'approved';
    const r = this.response(x, a.userId);
    if (r && r.status === 'submitted' && r.round >= a.round) return 'submitted';
    if (a.status === 'changes_requested') return 'changes_requested';
    if (r && Object.keys(r.answers).length > 0) return 'in_progress';
    return 'not_started';
  }

  private overdue(a: FakeAssignment, progress: Progress): boolean {
    return awaitsAssignee(progress) && a.due !== null && a.due < this.host.today();
  }

  /** The score that counts: the last review's that was not a request for changes. */
  private reviewedScore(x: FakeAssessment, userId: string): number | null {
    const reviews = x.reviews.get(userId) ?? [];
    return [...reviews].reverse().find((r) => r.decision !== 'changes_requested')?.score ?? null;
  }

  private summary(x: FakeAssessment): AssessmentSummary {
    const states = [...x.assignments.values()].map((a) => ({ a, p: this.progress(x, a) }));
    return {
      id: x.id,
      teamId: x.teamId,
      title: x.title,
      owner: x.owner,
      series: x.series,
      run: x.run,
      createdAt: x.createdAt,
      assigned: states.length,
      submitted: states.filter((s) => s.p === 'submitted' || s.p === 'approved').length,
      approved: states.filter((s) => s.p === 'approved').length,
      overdue: states.filter((s) => this.overdue(s.a, s.p)).length,
    };
  }

  private detail(x: FakeAssessment): AssessmentDetail {
    const me = this.host.me;
    const assignments: AssignmentView[] = [...x.assignments.values()]
      .map((a) => {
        const progress = this.progress(x, a);
        const submitted = progress === 'submitted' || progress === 'approved';
        const r = this.response(x, a.userId);
        const member = this.host.teamMembers(x.teamId).some((m) => m.userId === a.userId);
        return {
          userId: a.userId,
          name: member ? this.host.nameOf(a.userId) : 'Former member',
          department: member ? this.host.departmentOf(x.teamId, a.userId) : null,
          due: a.due,
          progress,
          overdue: this.overdue(a, progress),
          round: a.round,
          nudges: a.nudges.length,
          autoScore: submitted && r ? scoreOf(x.sections, r.answers) : null,
          score: this.reviewedScore(x, a.userId),
          reviews: structuredClone(x.reviews.get(a.userId) ?? []),
        };
      })
      .sort((p, r) => p.name.toLowerCase().localeCompare(r.name.toLowerCase()));
    const mine = x.assignments.get(me);
    let myResponse: ResponseView | null = null;
    if (mine) {
      const progress = this.progress(x, mine);
      const latest = last(x.reviews.get(me));
      const r = this.response(x, me);
      myResponse = {
        status: r?.status ?? 'draft',
        round: r?.round ?? mine.round,
        answers: structuredClone(r?.answers ?? {}),
        submittedAt: r?.submittedAt ?? null,
        editable: awaitsAssignee(progress),
        feedback: latest?.decision === 'changes_requested' ? latest.feedback : null,
      };
    }
    return {
      id: x.id,
      teamId: x.teamId,
      title: x.title,
      description: x.description,
      owner: x.owner,
      isOwner: x.owner === me,
      series: x.series,
      run: x.run,
      templateId: x.templateId,
      sections: structuredClone(x.sections),
      assignments,
      myResponse,
    };
  }

  private inbox(): InboxItem[] {
    const me = this.host.me;
    const items: InboxItem[] = [];
    for (const x of this.assessments.values()) {
      const a = x.assignments.get(me);
      if (!a) continue;
      const progress = this.progress(x, a);
      items.push({
        assessmentId: x.id,
        teamId: x.teamId,
        title: x.title,
        owner: x.owner,
        due: a.due,
        progress,
        overdue: this.overdue(a, progress),
        round: a.round,
        answered: Object.keys(this.response(x, me)?.answers ?? {}).length,
      });
    }
    const key = (i: InboxItem) => `${awaitsAssignee(i.progress) ? 0 : 1}|${i.due ?? '9999'}|${i.title}`;
    return items.sort((p, r) => key(p).localeCompare(key(r)));
  }

  private results(x: FakeAssessment): AssessmentResults {
    const members: MemberResult[] = [...x.assignments.values()]
      .map((a) => {
        const progress = this.progress(x, a);
        const counted = progress === 'submitted' || progress === 'approved';
        const answers = counted ? (this.response(x, a.userId)?.answers ?? {}) : {};
        const autoScore = counted ? scoreOf(x.sections, answers) : null;
        const approved = progress === 'approved';
        const questionScores: Record<string, number> = {};
        for (const question of x.sections.flatMap((s) => s.questions)) {
          const f = answerFraction(question, answers[question.id]);
          if (f !== null) questionScores[question.id] = round1(f * 100);
        }
        const member = this.host.teamMembers(x.teamId).some((m) => m.userId === a.userId);
        return {
          userId: a.userId,
          name: member ? this.host.nameOf(a.userId) : 'Former member',
          department: member ? this.host.departmentOf(x.teamId, a.userId) : null,
          progress,
          due: a.due,
          autoScore,
          score: approved ? this.reviewedScore(x, a.userId) : autoScore,
          overrideReason: approved ? (last(x.reviews.get(a.userId))?.overrideReason ?? null) : null,
          questionScores,
          answers: Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, answerText(v)])),
        };
      })
      .sort((p, r) => p.name.toLowerCase().localeCompare(r.name.toLowerCase()));
    const counted = members
      .filter((m) => m.progress === 'submitted' || m.progress === 'approved')
      .map((m) => this.response(x, m.userId)?.answers ?? {});
    const questions: QuestionResult[] = x.sections.flatMap((section) =>
      section.questions.map((question) => {
        const given = counted.map((answers) => answers[question.id]).filter((v): v is Answer => v !== undefined);
        const numbers = given.flatMap((v) => (v.type === 'number' ? [v.value] : []));
        const fractions = counted.flatMap((answers) => {
          const f = answerFraction(question, answers[question.id]);
          return f === null ? [] : [f * 100];
        });
        return {
          id: question.id,
          section: section.title,
          prompt: question.prompt,
          kind: structuredClone(question.kind),
          answered: given.length,
          mean: mean(numbers),
          averageScore: mean(fractions),
          counts: valueCounts(question.kind, given),
          texts: given.flatMap((v) => (v.type === 'text' ? [v.value] : [])),
        };
      }),
    );
    const departments = this.host
      .departmentIds(x.teamId)
      .map((id) => {
        const of = members.filter((m) => m.department === id);
        return {
          id,
          name: this.host.departmentName(x.teamId, id) ?? id,
          assigned: of.length,
          submitted: of.filter((m) => m.progress === 'submitted' || m.progress === 'approved').length,
          averageScore: mean(of.flatMap((m) => (m.score === null ? [] : [m.score]))),
        };
      })
      .filter((d) => d.assigned > 0)
      .sort((p, r) => p.name.localeCompare(r.name));
    return {
      title: x.title,
      series: x.series,
      run: x.run,
      assigned: members.length,
      submitted: counted.length,
      approved: members.filter((m) => m.progress === 'approved').length,
      averageScore: mean(members.flatMap((m) => (m.score === null ? [] : [m.score]))),
      questions,
      members,
      departments,
    };
  }

  // ----- writes -----

  private write(x: FakeAssessment): AssessmentDetail {
    this.host.changed(x.id, 'assessment', x.teamId);
    return this.detail(x);
  }

  private insert(fields: {
    teamId: string;
    title: string;
    description: string;
    sections: Section[];
    templateId: string | null;
    series?: string;
    run?: number;
    owner?: string;
    createdAt?: number;
  }): FakeAssessment {
    const id = this.host.id('assessment');
    // Two assessments made in the same millisecond still list newest first.
    const newest = Math.max(0, ...[...this.assessments.values()].map((y) => y.createdAt));
    const x: FakeAssessment = {
      id,
      teamId: fields.teamId,
      owner: fields.owner ?? this.host.me,
      title: fields.title,
      description: fields.description,
      series: fields.series ?? id,
      run: fields.run ?? 1,
      templateId: fields.templateId,
      sections: fields.sections,
      assignments: new Map(),
      reviews: new Map(),
      createdAt: fields.createdAt ?? Math.max(this.host.now(), newest + 1),
    };
    this.assessments.set(id, x);
    return x;
  }

  /** Run `run` of `last`'s series: the same questions and owner, nobody assigned yet. */
  private insertRun(last: FakeAssessment, run: number, createdAt?: number): FakeAssessment {
    return this.insert({
      teamId: last.teamId,
      title: last.title,
      description: last.description,
      sections: structuredClone(last.sections),
      templateId: last.templateId,
      series: last.series,
      run,
      owner: last.owner,
      createdAt,
    });
  }

  private create(teamId: string, input: Record<string, unknown>): FakeAssessment {
    requireManager(this.host, teamId, 'create assessments in this team');
    const title = checkedText(this.host.fail, 'an assessment title', input.title, MAX_TITLE);
    let sections: Section[];
    let templateId: string | null = typeof input.templateId === 'string' ? input.templateId : null;
    if (Array.isArray(input.sections)) {
      sections = structuredClone(input.sections as Section[]);
    } else if (templateId !== null) {
      const all = [...builtinTemplates(), ...this.teamTemplates(teamId).values()];
      const found = all.find((t) => t.id === templateId) ?? this.host.fail('not_found', `template \`${templateId}\` does not exist`);
      sections = structuredClone(found.sections);
      templateId = found.id;
    } else {
      return this.host.fail('empty', "an assessment's question list must not be empty");
    }
    this.validateSections(sections);
    const description = typeof input.description === 'string' ? input.description.trim() : '';
    const x = this.insert({ teamId, title, description, sections, templateId });
    this.host.changed(teamId, 'team', teamId);
    this.host.changed(x.id, 'assessment', teamId);
    return x;
  }

  private newAssignment(teamId: string, userId: string, due: string | null, department: string | null): FakeAssignment {
    void teamId;
    return { userId, due, status: 'assigned', round: 1, department, nudges: [] };
  }

  private assign(a: Record<string, unknown>): AssessmentDetail {
    const h = this.host;
    const x = this.owned(a.assessmentId, 'assign an assessment you do not own');
    const due = a.due === undefined || a.due === null ? null : checkedDate(h.fail, String(a.due));
    const to = (a.to ?? {}) as { to?: string; ids?: unknown };
    const members = h.teamMembers(x.teamId);
    let users: string[];
    let department: string | null = null;
    if (to.to === 'people' && Array.isArray(to.ids)) {
      users = to.ids.map(String);
    } else if (to.to === 'department' && typeof to.ids === 'string') {
      department = to.ids;
      if (!h.departmentIds(x.teamId).includes(department)) h.fail('not_found', `department \`${department}\` does not exist`);
      users = members
        .filter((m) => h.departmentOf(x.teamId, m.userId) === department && m.role !== 'viewer')
        .map((m) => m.userId);
    } else {
      return h.fail('invalid_input', 'assign to { to: "people", ids: [...] } or { to: "department", ids: "..." }');
    }
    if (users.length === 0) h.fail('empty', 'the list of people to assign must not be empty');
    for (const user of users) {
      const member = members.find((m) => m.userId === user) ?? h.fail('not_found', `member \`${user}\` does not exist`);
      if (member.role === 'viewer') h.fail('invalid_input', 'this assignment: viewers cannot answer assessments');
    }
    for (const user of users) {
      if (!x.assignments.has(user)) x.assignments.set(user, this.newAssignment(x.teamId, user, due, department));
    }
    return this.write(x);
  }

  private review(a: Record<string, unknown>): AssessmentDetail {
    const h = this.host;
    const x = this.owned(a.assessmentId, 'review an assessment you do not own');
    const input = (a.review ?? {}) as Record<string, unknown>;
    // The core reads absent text as empty; null is not a string.
    for (const field of ['overrideReason', 'feedback']) {
      if (field in input && typeof input[field] !== 'string') h.fail('invalid_input', `review.${field} must be a string when given`);
    }
    const decision = input.decision as Decision;
    if (!['approved', 'changes_requested', 'rescored'].includes(decision)) h.fail('invalid_input', 'unknown decision');
    const user = String(a.userId);
    const assignment = this.assignment(x, user);
    const response = this.response(x, user) ?? h.fail('invalid_input', 'this review: the response has not been submitted yet');
    const feedback = typeof input.feedback === 'string' && input.feedback.trim() ? input.feedback.trim() : null;
    let score: number | null = null;
    let reason: string | null = null;
    if (typeof input.scoreOverride === 'number') {
      if (!(Number.isFinite(input.scoreOverride) && input.scoreOverride >= 0 && input.scoreOverride <= 100)) {
        h.fail('invalid_input', 'a score: scores run from 0 to 100');
      }
      reason = checkedText(this.host.fail, 'the reason for a new score', input.overrideReason ?? '', MAX_TEXT);
      score = input.scoreOverride;
    }
    const submitted = response.status === 'submitted' && response.round === assignment.round;
    if (decision === 'rescored') {
      if (assignment.status !== 'approved' || score === null) {
        h.fail('invalid_input', 'this review: only an approved response is rescored, with a score and a reason');
      }
    } else if (assignment.status === 'approved') {
      h.fail('invalid_input', 'this review: the response is already approved');
    } else if (!submitted) {
      h.fail('invalid_input', 'this review: the response has not been submitted yet');
    } else if (decision === 'changes_requested' && feedback === null) {
      h.fail('empty', 'feedback saying what to change must not be empty');
    }
    this.applyReview(x, user, decision, score, reason, feedback, h.me);
    return this.write(x);
  }

  private applyReview(
    x: FakeAssessment,
    user: string,
    decision: Decision,
    override: number | null,
    reason: string | null,
    feedback: string | null,
    by: string,
  ): void {
    const assignment = this.assignment(x, user);
    const autoScore = scoreOf(x.sections, this.response(x, user)?.answers ?? {});
    const round = assignment.round;
    if (decision === 'approved') assignment.status = 'approved';
    if (decision === 'changes_requested') {
      assignment.status = 'changes_requested';
      assignment.round += 1;
    }
    const reviews = x.reviews.get(user) ?? [];
    reviews.push({
      round,
      decision,
      autoScore,
      score: override ?? autoScore,
      overrideReason: override === null ? null : reason,
      feedback,
      by,
      at: this.host.now(),
    });
    x.reviews.set(user, reviews);
  }

  /** My response, reopened for the next round when changes were requested. */
  private writable(x: FakeAssessment): FakeResponse {
    const h = this.host;
    const assignment = x.assignments.get(h.me) ?? h.fail('forbidden', 'you may not answer an assessment not assigned to you');
    const key = `${x.id}/${h.me}`;
    let response = this.responses.get(key);
    if (!response) {
      response = { status: 'draft', round: assignment.round, answers: {}, submittedAt: null };
      this.responses.set(key, response);
    }
    if (response.status === 'submitted') {
      if (assignment.round <= response.round || assignment.status === 'approved') {
        h.fail('forbidden', 'you may not change a submitted response');
      }
      response.status = 'draft';
      response.round = assignment.round;
    }
    return response;
  }

  private answer(a: Record<string, unknown>): AssessmentDetail {
    const h = this.host;
    const x = this.assessment(a.assessmentId);
    const question =
      x.sections.flatMap((s) => s.questions).find((qq) => qq.id === a.questionId) ??
      h.fail('not_found', `question \`${String(a.questionId)}\` does not exist`);
    const answer = (a.answer ?? null) as Answer | null;
    if (answer !== null) validateAnswer(question, answer, h.fail);
    const response = this.writable(x);
    if (answer === null) delete response.answers[question.id];
    else response.answers[question.id] = structuredClone(answer);
    h.changed(`${x.id}/${h.me}`, 'response', x.teamId);
    return this.detail(x);
  }

  private saveTemplate(teamId: string, raw: Template): Template {
    const h = this.host;
    requireManager(this.host, teamId, "write this team's templates");
    if (!raw || typeof raw !== 'object') return h.fail('invalid_input', 'a template must be an object');
    if (String(raw.id).startsWith(BUILTIN)) h.fail('forbidden', 'you may not change a built-in template');
    const title = checkedText(this.host.fail, 'a template title', raw.title, MAX_TITLE);
    this.validateSections(raw.sections);
    const id = raw.id.trim() ? raw.id : h.id('template');
    const template: Template = {
      id,
      title,
      description: String(raw.description ?? '').trim(),
      sections: structuredClone(raw.sections),
      createdBy: h.me,
      updatedAt: h.now(),
    };
    this.teamTemplates(teamId).set(id, template);
    h.changed(teamId, 'team', teamId);
    return template;
  }

  private validateSections(sections: Section[]): void {
    const fail = this.host.fail;
    const questions = sections.flatMap((s) => s.questions);
    if (questions.length === 0) fail('empty', "an assessment's question list must not be empty");
    const sectionIds = new Set<string>();
    for (const s of sections) {
      checkedText(this.host.fail, 'a section title', s.title, MAX_TITLE);
      if (!s.id.trim() || sectionIds.has(s.id)) fail('invalid_input', 'a section or question id: each must be present and unique');
      sectionIds.add(s.id);
    }
    const ids = new Set<string>();
    for (const question of questions) {
      if (!question.id.trim() || ids.has(question.id)) fail('invalid_input', 'a section or question id: each must be present and unique');
      ids.add(question.id);
      checkedText(this.host.fail, 'a question', question.prompt, 2000);
      if (!(Number.isFinite(question.weight) && question.weight >= 0)) fail('invalid_input', "a question's weight: weights must be zero or more");
      const { kind, scoring } = question;
      let options = 0;
      if (kind.type === 'single_choice' || kind.type === 'multiple_choice') {
        if (kind.options.length < 2 || kind.options.length > 20) fail('invalid_input', "a choice question's options: give 2 to 20 options");
        for (const o of kind.options) checkedText(this.host.fail, 'an option', o, MAX_TITLE);
        options = kind.options.length;
      }
      if (kind.type === 'scale' && (kind.min >= kind.max || kind.max - kind.min > 100)) {
        fail('invalid_input', 'a scale: its minimum must be below its maximum, at most 100 apart');
      }
      const fits =
        scoring.rule === 'none' ||
        (scoring.rule === 'linear' && (kind.type === 'likert' || kind.type === 'scale')) ||
        (scoring.rule === 'points' &&
          (kind.type === 'single_choice' || kind.type === 'multiple_choice') &&
          scoring.points.length === options &&
          scoring.points.every(Number.isFinite)) ||
        (scoring.rule === 'expect' && kind.type === 'yes_no');
      if (!fits) fail('invalid_input', "a question's scoring rule: it does not fit the question (points need one number per option)");
    }
  }

  /** Assignments still waiting on their assignee, for the workload. */
  openAssignments(teamId: string): { userId: string; overdue: boolean }[] {
    const out: { userId: string; overdue: boolean }[] = [];
    for (const x of this.assessments.values()) {
      if (x.teamId !== teamId) continue;
      for (const a of x.assignments.values()) {
        const p = this.progress(x, a);
        if (awaitsAssignee(p)) out.push({ userId: a.userId, overdue: this.overdue(a, p) });
      }
    }
    return out;
  }
}

function valueCounts(kind: QuestionKind, given: Answer[]): [string, number][] {
  let labels: string[];
  switch (kind.type) {
    case 'single_choice':
    case 'multiple_choice':
      labels = [...kind.options];
      break;
    case 'likert':
      labels = ['1', '2', '3', '4', '5'];
      break;
    case 'scale':
      labels = Array.from({ length: kind.max - kind.min + 1 }, (_, i) => String(kind.min + i));
      break;
    case 'yes_no':
      labels = ['yes', 'no'];
      break;
    case 'free_text':
      return [];
  }
  const counts: [string, number][] = labels.map((l) => [l, 0]);
  for (const answer of given) {
    const picked = answer.type === 'choices' ? answer.value : [answerText(answer)];
    for (const label of picked) {
      const entry = counts.find(([l]) => l === label);
      if (entry) entry[1] += 1;
    }
  }
  return counts;
}

function validateAnswer(question: Question, answer: Answer, fail: (code: string, message: string) => never): void {
  const wrong = (reason: string) => fail('invalid_input', `this answer: ${reason}`);
  const { kind } = question;
  if (kind.type === 'single_choice' && answer.type === 'choice') {
    if (!kind.options.includes(answer.value)) wrong("pick one of the question's options");
  } else if (kind.type === 'multiple_choice' && answer.type === 'choices') {
    if (answer.value.some((c, i) => !kind.options.includes(c) || answer.value.indexOf(c) !== i)) {
      wrong("pick each of the question's options at most once");
    }
  } else if (kind.type === 'likert' && answer.type === 'number') {
    if (!Number.isInteger(answer.value) || answer.value < 1 || answer.value > 5) wrong('answer 1 to 5');
  } else if (kind.type === 'scale' && answer.type === 'number') {
    if (!Number.isInteger(answer.value) || answer.value < kind.min || answer.value > kind.max) wrong('answer a whole number within the scale');
  } else if (kind.type === 'yes_no' && answer.type === 'yes_no') {
    // any boolean
  } else if (kind.type === 'free_text' && answer.type === 'text') {
    if (!answer.value.trim()) fail('empty', 'an answer must not be empty');
    if ([...answer.value].length > MAX_TEXT) fail('too_long', `an answer is too long (at most ${MAX_TEXT} characters)`);
  } else {
    wrong('it is not the kind of answer this question asks for');
  }
}

function last<T>(list: readonly T[] | undefined): T | undefined {
  return list?.[list.length - 1];
}

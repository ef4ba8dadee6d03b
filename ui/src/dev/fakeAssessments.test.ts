import { describe, expect, it } from 'vitest';
import type { AssessmentDetail, AssessmentResults, InboxItem, TeamPeople, Template, Workload } from '../api/types';
import { FakeBackend } from './fakeBackend';

function setup() {
  const b = new FakeBackend();
  const team = b.createTeam('Design');
  const ada = b.addMember(team.id, 'Ada Lovelace', 'manager');
  const grace = b.addMember(team.id, 'Grace Hopper');
  const vera = b.addMember(team.id, 'Vera Viewer', 'viewer');
  const call = <T>(cmd: string, args: Record<string, unknown> = {}) => b.handle(cmd, args) as T;
  return { b, teamId: team.id, ada, grace, vera, call };
}

const failure = (work: () => unknown) => {
  try {
    work();
  } catch (e) {
    return (e as { code: string }).code;
  }
  return null;
};

describe('fake assessments', () => {
  it('lists the built-in templates first, then the team’s own', () => {
    const { teamId, call } = setup();
    const saved = call<Template>('template_save', {
      teamId,
      template: {
        id: '',
        title: 'Mine',
        description: '',
        createdBy: '',
        updatedAt: 0,
        sections: [{ id: 's', title: 'S', questions: [{ id: 'q', prompt: 'Ok?', kind: { type: 'yes_no' }, weight: 1, required: true, scoring: { rule: 'expect', yes: true } }] }],
      },
    });
    const list = call<Template[]>('template_list', { teamId });
    expect(list.map((t) => t.id)).toEqual([
      'builtin:quarterly-check-in',
      'builtin:onboarding-30',
      'builtin:skills-self-assessment',
      saved.id,
    ]);
    expect(failure(() => call('template_save', { teamId, template: { ...list[0] } }))).toBe('forbidden');
  });

  it('scores a submitted response as the weighted share of points and keeps rounds', () => {
    const { b, teamId, ada, vera, call } = setup();
    const created = call<AssessmentDetail>('assessment_create', { teamId, input: { title: 'Onboarding', templateId: 'builtin:onboarding-30' } });
    expect(failure(() => call('assessment_assign', { assessmentId: created.id, to: { to: 'people', ids: [vera] } }))).toBe('invalid_input');
    call('assessment_assign', { assessmentId: created.id, to: { to: 'people', ids: [ada, b.me] }, due: '2030-01-31' });
    // access yes (weight 1: 1), buddy 4 (weight 1: 0.75), known 2 of 4 (weight 2: 0.5) → 2.75 / 4
    call('response_answer', { assessmentId: created.id, questionId: 'access', answer: { type: 'yes_no', value: true } });
    call('response_answer', { assessmentId: created.id, questionId: 'buddy', answer: { type: 'number', value: 4 } });
    expect(failure(() => call('response_submit', { assessmentId: created.id }))).toBe('unanswered');
    call('response_answer', { assessmentId: created.id, questionId: 'known', answer: { type: 'choices', value: ['Ship a change', 'Book time off'] } });
    const submitted = call<AssessmentDetail>('response_submit', { assessmentId: created.id });
    expect(submitted.myResponse?.status).toBe('submitted');
    expect(submitted.myResponse?.editable).toBe(false);
    const mine = submitted.assignments.find((a) => a.userId === b.me);
    expect(mine?.progress).toBe('submitted');
    expect(mine?.autoScore).toBe(68.8);

    expect(failure(() => call('assessment_review', { assessmentId: created.id, userId: b.me, review: { decision: 'changes_requested' } }))).toBe('empty');
    const reopened = call<AssessmentDetail>('assessment_review', {
      assessmentId: created.id,
      userId: b.me,
      review: { decision: 'changes_requested', feedback: 'Say what was missing.' },
    });
    expect(reopened.myResponse?.editable).toBe(true);
    expect(reopened.myResponse?.feedback).toBe('Say what was missing.');
    expect(reopened.assignments.find((a) => a.userId === b.me)?.round).toBe(2);
    call('response_answer', { assessmentId: created.id, questionId: 'missing', answer: { type: 'text', value: 'A map' } });
    call('response_submit', { assessmentId: created.id });
    expect(
      failure(() => call('assessment_review', { assessmentId: created.id, userId: b.me, review: { decision: 'approved', scoreOverride: 90 } })),
    ).toBe('empty');
    const approved = call<AssessmentDetail>('assessment_review', {
      assessmentId: created.id,
      userId: b.me,
      review: { decision: 'approved', scoreOverride: 90, overrideReason: 'Went beyond the list.' },
    });
    const final = approved.assignments.find((a) => a.userId === b.me);
    expect(final?.score).toBe(90);
    expect(final?.reviews.map((r) => r.decision)).toEqual(['changes_requested', 'approved']);

    const results = call<AssessmentResults>('assessment_results', { assessmentId: created.id });
    expect(results.submitted).toBe(1);
    expect(results.averageScore).toBe(90);
    expect(results.questions.find((q) => q.id === 'access')?.counts).toEqual([
      ['yes', 1],
      ['no', 0],
    ]);
    const inbox = call<InboxItem[]>('assessment_inbox');
    expect(inbox.map((i) => i.progress)).toEqual(['approved']);
  });

  it('keeps people, departments and workload', () => {
    const { b, teamId, ada, grace, call } = setup();
    let people = call<TeamPeople>('department_save', { teamId, name: 'Research' });
    const research = people.departments[0].id;
    people = call<TeamPeople>('placement_set', { teamId, userId: grace, department: research, reportsTo: ada });
    expect(people.departments[0].members).toBe(1);
    expect(failure(() => call('placement_set', { teamId, userId: ada, department: null, reportsTo: grace }))).toBe('invalid_input');
    expect(failure(() => call('member_set_role', { teamId, userId: b.me, role: 'member' }))).toBe('last_owner');
    people = call<TeamPeople>('member_remove', { teamId, userId: grace });
    expect(people.people.map((p) => p.name)).toEqual(['Ada Lovelace', 'Alex Rivera', 'Vera Viewer']);
    const x = b.assessments.addAssessment(teamId, { title: 'Skills', templateId: 'builtin:skills-self-assessment' });
    b.assessments.assignStored(x, [ada], '2000-01-01');
    const load = call<Workload[]>('workload_get', { teamId });
    expect(load.find((w) => w.userId === ada)).toMatchObject({ openAssessments: 1, overdueAssessments: 1 });
  });
});

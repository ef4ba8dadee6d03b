import { describe, expect, it } from 'vitest';
import type { PulseResults, PulseView } from '../api/types';
import { FakeBackend } from './fakeBackend';

// Fixed clock: Wednesday 2026-11-25, local noon.
const NOW = new Date(2026, 10, 25, 12).getTime();

function setup() {
  const b = new FakeBackend({ now: () => NOW });
  const team = b.createTeam('Design');
  const grace = b.addMember(team.id, 'Grace Hopper');
  const call = <T>(cmd: string, args: Record<string, unknown> = {}) => b.handle(cmd, args) as T;
  const code = (work: () => unknown) => {
    try {
      work();
    } catch (e) {
      return (e as { code: string }).code;
    }
    return null;
  };
  return { b, teamId: team.id, grace, call, code };
}

describe('fake pulse surveys', () => {
  it('saves a survey, keeps its questions once started, and takes one answer per period', () => {
    const { b, teamId, call, code } = setup();
    const created = call<PulseView>('pulse_save', {
      teamId,
      input: { title: 'Weekly', questions: ['I can focus.', 'I feel heard.'], allowComment: false, cadence: 'weekly', starts: '2026-11-23' },
    });
    expect(created).toMatchObject({ title: 'Weekly', currentPeriod: '2026-11-23', answered: false, active: true, threshold: 5 });
    const input = { id: created.id, title: 'Weekly', questions: ['I can focus.'], allowComment: false, cadence: 'weekly' };
    expect(code(() => call('pulse_save', { teamId, input }))).toBe('questions_fixed');
    // Same questions: the title and settings may change.
    const renamed = call<PulseView>('pulse_save', { teamId, input: { ...input, questions: ['I can focus.', 'I feel heard.'], title: 'Pulse' } });
    expect(renamed.questions.map((q) => q.id)).toEqual(created.questions.map((q) => q.id));

    const [q1, q2] = created.questions.map((q) => q.id);
    expect(code(() => call('pulse_answer', { teamId, pulseId: created.id, answers: { [q1]: 4 } }))).toBe('unanswered');
    expect(code(() => call('pulse_answer', { teamId, pulseId: created.id, answers: { [q1]: 4, [q2]: 6 } }))).toBe('invalid_input');
    expect(code(() => call('pulse_answer', { teamId, pulseId: created.id, answers: { [q1]: 4, [q2]: 5 }, comment: 'hi' }))).toBe('invalid_input');
    expect(call<PulseView>('pulse_answer', { teamId, pulseId: created.id, answers: { [q1]: 4, [q2]: 5 } }).answered).toBe(true);
    expect(code(() => call('pulse_answer', { teamId, pulseId: created.id, answers: { [q1]: 4, [q2]: 5 } }))).toBe('already_answered');
    expect(b.callsOf('pulse_answer').length).toBe(5);
  });

  it('periods follow the cadence: weekly, every two weeks, monthly from the start day', () => {
    const { teamId, call } = setup();
    const save = (cadence: string, starts: string) =>
      call<PulseView>('pulse_save', { teamId, input: { title: cadence, questions: ['Q'], allowComment: false, cadence, starts } });
    expect(save('weekly', '2026-11-01').currentPeriod).toBe('2026-11-22');
    expect(save('biweekly', '2026-11-01').currentPeriod).toBe('2026-11-15');
    expect(save('monthly', '2026-08-31').currentPeriod).toBe('2026-10-31');
    expect(save('monthly', '2026-12-01').currentPeriod).toBeNull();
  });

  it('publishes nothing below the threshold, then moves only in steps of the threshold', () => {
    const { b, teamId, call } = setup();
    const id = b.pulses.addPulse(teamId, { title: 'Weekly', questions: ['Q'], starts: '2026-11-23' });
    const period = () => call<PulseResults>('pulse_results', { teamId, pulseId: id }).periods[0];
    for (let i = 0; i < 4; i++) b.pulses.answerAs(id, `u${i}`, [5]);
    expect(period()).toMatchObject({ received: 4, published: 0, questions: {}, comments: [] });
    b.pulses.answerAs(id, 'u4', [1]);
    expect(period()).toMatchObject({ received: 5, published: 5 });
    const [q] = b.pulses.questionIds(id);
    expect(period().questions[q]).toEqual({ count: 5, mean: 4.2, distribution: [1, 0, 0, 0, 4] });
    for (let i = 5; i < 9; i++) b.pulses.answerAs(id, `u${i}`, [1]);
    expect(period()).toMatchObject({ received: 9, published: 5 });
    expect(period().questions[q].mean).toBe(4.2);
    b.pulses.answerAs(id, 'u9', [1]);
    expect(period()).toMatchObject({ received: 10, published: 10 });
    expect(period().questions[q].mean).toBe(2.6);
  });

  it('shows a department only when it and what the shown ones leave over are big enough', () => {
    const { b, teamId, call } = setup();
    b.pulses.setThreshold(teamId, 3);
    const id = b.pulses.addPulse(teamId, { title: 'Weekly', questions: ['Q'], starts: '2026-11-23' });
    const departments = () => call<PulseResults>('pulse_results', { teamId, pulseId: id }).periods[0].departments;
    // Six answers, four in A: A would leave 2 (< 3) over, so it stays hidden.
    ['a', 'a', null, null, 'a', 'a'].forEach((d, i) => b.pulses.answerAs(id, `u${i}`, [4], { department: d }));
    expect(call<PulseResults>('pulse_results', { teamId, pulseId: id }).periods[0].published).toBe(6);
    expect(departments()).toEqual({});
    // Three more: A leaves 5 over and shows; B (2) is too small.
    [null, 'b', 'b'].forEach((d, i) => b.pulses.answerAs(id, `v${i}`, [2], { department: d }));
    expect(Object.keys(departments())).toEqual(['a']);
    expect(departments().a.count).toBe(4);
  });

  it('keeps comments alphabetical and results for managers only', () => {
    const { b, teamId, grace, call, code } = setup();
    b.pulses.setThreshold(teamId, 3);
    const id = b.pulses.addPulse(teamId, { title: 'Weekly', questions: ['Q'], starts: '2026-11-23' });
    ['zebra', 'apple', 'mango'].forEach((c, i) => b.pulses.answerAs(id, `u${i}`, [3], { comment: c }));
    expect(call<PulseResults>('pulse_results', { teamId, pulseId: id }).periods[0].comments).toEqual(['apple', 'mango', 'zebra']);
    b.setRole(teamId, b.me, 'member');
    b.setRole(teamId, grace, 'owner');
    expect(code(() => call('pulse_results', { teamId, pulseId: id }))).toBe('forbidden');
    expect(code(() => call('pulse_threshold_set', { teamId, threshold: 4 }))).toBe('forbidden');
  });

  it('takes a threshold of 3 to 10 only', () => {
    const { teamId, call, code } = setup();
    expect(code(() => call('pulse_threshold_set', { teamId, threshold: 2 }))).toBe('invalid_input');
    expect(code(() => call('pulse_threshold_set', { teamId, threshold: 11 }))).toBe('invalid_input');
    expect(call<number>('pulse_threshold_set', { teamId, threshold: 7 })).toBe(7);
  });

  it('seeds a weekly survey with past figures and a current week below the threshold', () => {
    const b = new FakeBackend({ seed: true, now: () => NOW });
    const teamId = (b.handle('team_list', {}) as { id: string; name: string }[]).find((t) => t.name === 'Design')?.id ?? '';
    const [survey] = b.handle('pulse_list', { teamId }) as PulseView[];
    expect(survey).toMatchObject({ title: 'Weekly pulse', cadence: 'weekly', answered: false });
    const results = b.handle('pulse_results', { teamId, pulseId: survey.id }) as PulseResults;
    expect(results.periods.map((p) => [p.received, p.published])).toEqual([
      [2, 0],
      [3, 0],
      [11, 10],
      [6, 5],
    ]);
    expect(Object.keys(results.periods[2].departments).length).toBe(1);
  });
});

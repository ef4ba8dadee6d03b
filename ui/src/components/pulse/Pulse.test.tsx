import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { emit } from '@tauri-apps/api/event';
import type { FakeBackend } from '../../dev/fakeBackend';
import { renderTeam, waitForCall, type TeamSeed } from '../../test/assessments';
import { emitDocChanged, type renderApp } from '../../test/renderApp';

type User = ReturnType<typeof renderApp>['user'];

const STATEMENTS = ['I can focus on my work.', 'I feel supported by my team.'];

/** A weekly survey that started two days ago. */
function addWeekly(b: FakeBackend, s: TeamSeed, fields: { allowComment?: boolean; starts?: string } = {}) {
  return b.pulses.addPulse(s.teamId, {
    title: 'Weekly pulse',
    questions: STATEMENTS,
    cadence: 'weekly',
    starts: fields.starts ?? b.dayFromToday(-2),
    allowComment: fields.allowComment ?? true,
    createdBy: s.ada,
  });
}

/** Makes me a member (Ada owns the team). */
function asMember(b: FakeBackend, s: TeamSeed) {
  b.setRole(s.teamId, s.ada, 'owner');
  b.setRole(s.teamId, b.me, 'member');
}

async function openPulse(user: User) {
  await user.click(await screen.findByTestId('nav-pulse'));
  return screen.findByTestId('pulse-page');
}

async function openSurvey(user: User, id: string) {
  await openPulse(user);
  await user.click(await screen.findByTestId(`pulse-item-${id}`));
  return screen.findByTestId('pulse-survey');
}

async function openResults(user: User, id: string) {
  await openPulse(user);
  await user.click(await screen.findByTestId(`pulse-results-open-${id}`));
  return screen.findByTestId('pulse-results');
}

/** Another person's answer reaching the relay, and the relay's new figures reaching this window. */
async function arrive(b: FakeBackend, s: TeamSeed, id: string, values: number[][], prefix: string) {
  values.forEach((v, i) => b.pulses.answerAs(id, `${prefix}${i}`, v));
  await act(() => emitDocChanged({ docId: id, kind: 'pulse_results', teamId: s.teamId }));
}

describe('Pulse, member side', () => {
  it('marks the unanswered survey in the sidebar, answers it anonymously and thanks me', async () => {
    let id = '';
    const { backend, user, seed } = renderTeam((b, s) => {
      asMember(b, s);
      id = addWeekly(b, s);
    });
    const dot = await screen.findByTestId('nav-pulse-dot');
    expect(dot.getAttribute('aria-label')).toBe('a survey to answer');
    await openPulse(user);
    expect(screen.getByTestId(`pulse-item-state-${id}`).textContent).toBe('Waiting on you this week');
    expect(screen.getByTestId('board-title').textContent).toBe('Pulse');
    await user.click(screen.getByTestId(`pulse-item-${id}`));
    await screen.findByTestId('pulse-form');

    // Sending with statements left blank says so and sends nothing.
    const [q1, q2] = backend.pulses.questionIds(id);
    await user.click(screen.getByTestId(`pulse-answer-${q1}-4`));
    await user.click(screen.getByTestId('pulse-submit'));
    expect(screen.getByTestId('pulse-missing').textContent).toContain('one is still blank');
    expect(backend.callsOf('pulse_answer')).toEqual([]);
    expect(document.activeElement).toBe(screen.getByTestId(`pulse-answer-${q2}-1`));

    // Each statement is a labelled 1–5 group.
    const group = screen.getByRole('group', { name: /I feel supported by my team/ });
    for (const name of ['1 Strongly disagree', '2 Disagree', '3 Neutral', '4 Agree', '5 Strongly agree']) {
      expect(within(group).getByRole('radio', { name })).toBeTruthy();
    }
    expect(within(group).getAllByRole('radio').map((r) => r.closest('label')?.textContent)).toEqual([
      '1Strongly disagree',
      '2Disagree',
      '3Neutral',
      '4Agree',
      '5Strongly agree',
    ]);
    await user.click(within(group).getByRole('radio', { name: '5 Strongly agree' }));
    await user.type(screen.getByLabelText('Comment (optional)'), '  More quiet time, please. ');
    await user.click(screen.getByTestId('pulse-submit'));

    await waitForCall(backend, 'pulse_answer');
    expect(backend.callsOf('pulse_answer')).toEqual([
      { teamId: seed.teamId, pulseId: id, answers: { [q1]: 4, [q2]: 5 }, comment: 'More quiet time, please.' },
    ]);
    const thanks = await screen.findByTestId('pulse-thanks');
    expect(thanks.textContent).toContain('Thanks — you answered this week');
    expect(screen.getByTestId('pulse-next-period').textContent).toMatch(/^The next week starts on .+; you will get a reminder then\.$/);
    expect(screen.queryByTestId('pulse-form')).toBeNull();
    await waitFor(() => expect(screen.queryByTestId('nav-pulse-dot')).toBeNull());
  });

  it('says before sending that answers are anonymous, naming the team’s threshold', async () => {
    let id = '';
    const { user } = renderTeam((b, s) => {
      asMember(b, s);
      b.pulses.setThreshold(s.teamId, 7);
      id = addWeekly(b, s, { allowComment: false });
    });
    await openSurvey(user, id);
    expect((await screen.findByTestId('pulse-anonymity-note')).textContent).toBe(
      'Your answer is anonymous: your manager sees only totals, and only once at least 7 people have answered.',
    );
    // The note describes the send button, and no comment is offered when the survey takes none.
    expect(screen.getByTestId('pulse-submit').getAttribute('aria-describedby')).toBe(screen.getByTestId('pulse-anonymity-note').id);
    expect(screen.queryByTestId('pulse-comment')).toBeNull();
  });

  it('explains a second answer in the same week, then shows that I answered', async () => {
    let id = '';
    const { backend, user } = renderTeam((b, s) => {
      asMember(b, s);
      id = addWeekly(b, s);
    });
    await openSurvey(user, id);
    await screen.findByTestId('pulse-form');
    // Answered meanwhile on another device; this window has not heard yet.
    backend.pulses.answerAs(id, backend.me, [3, 3]);
    for (const q of backend.pulses.questionIds(id)) await user.click(screen.getByTestId(`pulse-answer-${q}-2`));
    await user.click(screen.getByTestId('pulse-submit'));

    const toast = await screen.findByTestId('error-toast');
    expect(toast.dataset.code).toBe('already_answered');
    expect(toast.textContent).toContain('You already answered this week. Each person answers once a week');
    await screen.findByTestId('pulse-thanks');
  });

  it('offers members no results, no survey settings and no threshold', async () => {
    let id = '';
    const { backend, user } = renderTeam((b, s) => {
      asMember(b, s);
      id = addWeekly(b, s);
      b.pulses.answerAs(id, 'someone', [4, 4]);
    });
    await openPulse(user);
    await screen.findByTestId(`pulse-item-${id}`);
    expect(screen.queryByTestId('pulse-manage')).toBeNull();
    expect(screen.queryByTestId('pulse-threshold-panel')).toBeNull();
    expect(screen.queryByTestId('pulse-new')).toBeNull();
    expect(screen.queryByTestId(`pulse-results-open-${id}`)).toBeNull();
    await user.click(screen.getByTestId(`pulse-item-${id}`));
    await screen.findByTestId('pulse-form');
    expect(screen.queryByTestId('pulse-results-open')).toBeNull();
    expect(screen.queryByTestId('pulse-edit-open')).toBeNull();
    expect(screen.queryByRole('button', { name: /results/i })).toBeNull();
    expect(backend.callsOf('pulse_results')).toEqual([]);
  });

  it('says when nothing runs yet, and what happens next', async () => {
    const { user } = renderTeam((b, s) => asMember(b, s));
    await openPulse(user);
    expect((await screen.findByTestId('pulse-mine-empty')).textContent).toContain('When a manager starts one, it shows up here');
    expect(screen.queryByTestId('nav-pulse-dot')).toBeNull();
  });

  it('opens the survey of a clicked pulse reminder', async () => {
    let id = '';
    const { backend, seed } = renderTeam((b, s) => {
      asMember(b, s);
      id = addWeekly(b, s);
    });
    await screen.findByTestId('nav-pulse');
    await act(() => emit('reminder-clicked', { assessmentId: '', pulseId: id, teamId: seed.teamId, userId: backend.me }));
    await waitFor(() => expect(screen.getByTestId('pulse-survey').dataset.pulseId).toBe(id));
    await screen.findByTestId('pulse-form');
    expect(screen.getByTestId('nav-pulse').getAttribute('aria-current')).toBe('page');
  });
});

describe('Pulse, manager side', () => {
  it('shows how many answered and when figures appear below the threshold, and the charts above it', async () => {
    let id = '';
    const { backend, user, seed } = renderTeam((b, s) => {
      id = addWeekly(b, s);
      [[4, 5], [3, 4], [5, 5]].forEach((v, i) => b.pulses.answerAs(id, `a${i}`, v));
    });
    await openResults(user, id);
    const status = await screen.findByTestId('pulse-status');
    expect(status.textContent).toBe('3 answers so far; figures appear at 5');
    const meter = within(screen.getByTestId('pulse-pending')).getByRole('progressbar');
    expect([meter.getAttribute('aria-valuenow'), meter.getAttribute('aria-valuemax')]).toEqual(['3', '5']);
    const [q1, q2] = backend.pulses.questionIds(id);
    expect(screen.queryByTestId(`pulse-mean-${q1}`)).toBeNull();
    expect(screen.queryByTestId('pulse-comments')).toBeNull();

    await arrive(backend, seed, id, [[2, 4], [1, 3]], 'b');
    await waitFor(() => expect(screen.getByTestId(`pulse-mean-${q1}`).textContent).toBe('3.0'));
    expect(screen.getByTestId(`pulse-mean-${q2}`).textContent).toBe('4.2');
    const chart = within(screen.getByTestId(`pulse-distribution-${q1}`)).getByRole('img');
    expect(chart.getAttribute('aria-label')).toBe(
      'I can focus on my work.: 1 Strongly disagree 1, 2 Disagree 1, 3 Neutral 1, 4 Agree 1, 5 Strongly agree 1',
    );
    expect(screen.getByTestId('pulse-coverage').textContent).toBe('Covers all 5 answers; the next update comes at 10');
    expect(screen.getByTestId('pulse-comments').textContent).toContain('Shown in alphabetical order');
    expect(screen.queryByTestId('pulse-pending')).toBeNull();
  });

  it('keeps a figure still until the threshold of more answers has come in', async () => {
    let id = '';
    const { backend, user, seed } = renderTeam((b, s) => {
      id = addWeekly(b, s);
      for (let i = 0; i < 5; i++) b.pulses.answerAs(id, `a${i}`, [5, 5]);
    });
    await openResults(user, id);
    const [q1] = backend.pulses.questionIds(id);
    expect((await screen.findByTestId(`pulse-mean-${q1}`)).textContent).toBe('5.0');

    await arrive(backend, seed, id, [[1, 1], [1, 1], [1, 1], [1, 1]], 'b');
    await waitFor(() => expect(screen.getByTestId('pulse-coverage').textContent).toBe('Covers 5 of 9 answers; the next update comes at 10'));
    expect(screen.getByTestId(`pulse-mean-${q1}`).textContent).toBe('5.0');
    const next = within(screen.getByTestId('pulse-coverage').parentElement as HTMLElement).getByRole('progressbar');
    expect(next.getAttribute('aria-valuenow')).toBe('4');

    await arrive(backend, seed, id, [[1, 1]], 'c');
    await waitFor(() => expect(screen.getByTestId(`pulse-mean-${q1}`).textContent).toBe('3.0'));
    expect(screen.getByTestId('pulse-coverage').textContent).toBe('Covers all 10 answers; the next update comes at 15');
  });

  it('lists comments alphabetically, department means, and the trend over weeks', async () => {
    let id = '';
    let research = '';
    const { backend, user } = renderTeam((b, s) => {
      research = b.people.addDepartment(s.teamId, 'Research');
      b.pulses.setThreshold(s.teamId, 3);
      id = addWeekly(b, s, { starts: b.dayFromToday(-9) });
      const lastWeek = b.dayFromToday(-9);
      [[2, 2], [3, 3], [4, 4]].forEach((v, i) => b.pulses.answerAs(id, `old${i}`, v, { period: lastWeek }));
      const rows: [number[], string | null, string][] = [
        [[5, 4], research, 'zebra crossing'],
        [[4, 4], research, 'apples'],
        [[3, 4], research, 'Mango'],
        [[4, 2], null, ''],
        [[2, 2], null, ''],
        [[3, 3], null, ''],
      ];
      rows.forEach(([v, d, c], i) => b.pulses.answerAs(id, `now${i}`, v, { department: d, comment: c || undefined }));
    });
    await openResults(user, id);
    const [q1] = backend.pulses.questionIds(id);
    const comments = await screen.findAllByTestId('pulse-comments');
    expect(within(comments[0]).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Mango', 'apples', 'zebra crossing']);
    const row = await screen.findByTestId(`pulse-department-${research}`);
    await waitFor(() => expect(within(row).getByRole('rowheader').textContent).toBe('Research'));
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['3', '4.0', '4.0']);
    const trend = within(screen.getByTestId(`pulse-trend-${q1}`)).getByRole('img');
    expect(trend.getAttribute('aria-label')).toMatch(/^I can focus on my work\.: .+ 3, .+ 3\.5$/);
  });

  it('refuses a threshold of 2 or 11 with a clear message, and saves 7', async () => {
    const { backend, user, seed } = renderTeam((b, s) => void addWeekly(b, s));
    await openPulse(user);
    const input = await screen.findByLabelText('People needed before figures show (3–10)');
    expect((input as HTMLInputElement).value).toBe('5');
    expect(screen.getByTestId('pulse-threshold-panel').textContent).toContain('the figures change only when that many more have answered');

    await user.clear(input);
    await user.type(input, '2');
    await user.click(screen.getByTestId('pulse-threshold-save'));
    expect(screen.getByTestId('pulse-threshold-error').textContent).toBe(
      'At least 3 people: with fewer, a total could show how one person answered. Choose 3 to 10.',
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');

    await user.clear(input);
    await user.type(input, '11');
    await user.click(screen.getByTestId('pulse-threshold-save'));
    expect(screen.getByTestId('pulse-threshold-error').textContent).toBe('At most 10 people. Choose 3 to 10.');
    expect(backend.callsOf('pulse_threshold_set')).toEqual([]);

    await user.clear(input);
    await user.type(input, '7');
    await user.click(screen.getByTestId('pulse-threshold-save'));
    await waitForCall(backend, 'pulse_threshold_set');
    expect(backend.callsOf('pulse_threshold_set')).toEqual([{ teamId: seed.teamId, threshold: 7 }]);
    expect((await screen.findByTestId('info-toast')).textContent).toContain('Figures now need at least 7 people.');
    expect(screen.queryByTestId('pulse-threshold-error')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('pulse-threshold-current').textContent).toBe('7'));
  });

  it('says there are no surveys yet, then creates a weekly one', async () => {
    const { backend, user, seed } = renderTeam();
    await openPulse(user);
    expect((await screen.findByTestId('pulse-empty')).textContent).toContain('No surveys yet');
    await user.click(screen.getByTestId('pulse-new'));
    await screen.findByTestId('pulse-editor');

    // Nothing is sent while the title or a statement is missing.
    await user.click(screen.getByTestId('pulse-save'));
    expect(screen.getByText('Give the survey a title.')).toBeTruthy();
    expect(screen.getByTestId('pulse-questions-error').textContent).toBe('Statement 1 is empty: write it or remove it.');
    expect(backend.callsOf('pulse_save')).toEqual([]);

    await user.type(screen.getByLabelText('Title'), 'Team health');
    await user.type(screen.getByLabelText('Statement 1'), STATEMENTS[0]);
    await user.click(screen.getByTestId('pulse-question-add'));
    await user.type(screen.getByLabelText('Statement 2'), STATEMENTS[1]);
    await user.selectOptions(screen.getByLabelText('Asked'), 'biweekly');
    fireEvent.change(screen.getByLabelText('First fortnight starts'), { target: { value: '2030-03-04' } });
    await user.click(screen.getByTestId('pulse-allow-comment'));
    await user.click(screen.getByTestId('pulse-save'));

    await waitForCall(backend, 'pulse_save');
    expect(backend.callsOf('pulse_save')).toEqual([
      {
        teamId: seed.teamId,
        input: { title: 'Team health', questions: STATEMENTS, allowComment: false, cadence: 'biweekly', starts: '2030-03-04', active: true },
      },
    ]);
    await screen.findByTestId('pulse-survey');
    expect(screen.getByTestId('pulse-heading').textContent).toBe('Team health');
    expect(screen.getByTestId('pulse-not-started').textContent).toContain('Starts');
    expect((await screen.findByTestId('info-toast')).textContent).toContain('“Team health” is set up.');
  });

  it('keeps the statements of a started survey, and explains invalid_input when they cannot change', async () => {
    let started = '';
    let later = '';
    const { backend, user } = renderTeam((b, s) => {
      started = addWeekly(b, s);
      later = b.pulses.addPulse(s.teamId, { title: 'Monthly check', questions: ['I know our goals.'], cadence: 'monthly', starts: '2030-01-01' });
    });
    await openPulse(user);
    await user.click(await screen.findByTestId(`pulse-edit-${started}`));
    expect((await screen.findByTestId('pulse-questions-locked')).textContent).toContain('Questions are fixed once a survey has started');
    expect(screen.queryByTestId('pulse-question-input-0')).toBeNull();
    await user.click(screen.getByTestId('pulse-active'));
    await user.click(screen.getByTestId('pulse-save'));
    await waitForCall(backend, 'pulse_save');
    expect(backend.callsOf('pulse_save')[0]).toMatchObject({ input: { id: started, questions: STATEMENTS, active: false } });
    expect((await screen.findByTestId('pulse-paused')).textContent).toContain('This survey is paused');

    // A survey that has not started takes new statements, unless it started meanwhile.
    await user.click(screen.getByTestId('screen-back'));
    await user.click(await screen.findByTestId(`pulse-edit-${later}`));
    await user.clear(await screen.findByTestId('pulse-question-input-0'));
    await user.type(screen.getByTestId('pulse-question-input-0'), 'I know what matters this month.');
    backend.failNext('pulse_save', { code: 'questions_fixed', message: 'the questions are fixed once the survey has started; start a new survey instead' });
    await user.click(screen.getByTestId('pulse-save'));
    const toast = await screen.findByTestId('error-toast');
    expect(toast.dataset.code).toBe('questions_fixed');
    expect(toast.textContent).toContain('To ask something else, start a new survey.');
    expect(screen.getByTestId('pulse-questions-error').textContent).toContain('Questions are fixed once a survey has started');
  });
});

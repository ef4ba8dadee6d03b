import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { emit } from '@tauri-apps/api/event';
import { emitDocChanged } from '../../test/renderApp';
import { openAssessments, renderTeam, TWO_STEPS, waitForCall } from '../../test/assessments';

const group = (name: RegExp) => screen.getByRole('group', { name });

describe('Assessments, member side', () => {
  it('counts what waits on me in the sidebar badge, and follows new assignments', async () => {
    let done = '';
    const { backend, seed } = renderTeam((b, s) => {
      const waiting = b.assessments.addAssessment(s.teamId, { title: 'Skills', templateId: 'builtin:skills-self-assessment', owner: s.ada });
      b.assessments.assignStored(waiting, [b.me]);
      done = b.assessments.addAssessment(s.teamId, { title: 'Pulse', sections: TWO_STEPS, owner: s.ada });
      b.assessments.assignStored(done, [b.me]);
      b.assessments.respondAs(done, b.me, { pace: { type: 'number', value: 4 }, helped: { type: 'yes_no', value: true } }, true);
    });
    const badge = await screen.findByTestId('nav-assessments-badge');
    expect(badge.textContent).toBe('1');
    expect(badge.getAttribute('aria-label')).toBe('1 waiting on you');

    // Another device assigns one more; doc-changed brings it in.
    const next = backend.assessments.addAssessment(seed.teamId, { title: 'Onboarding', templateId: 'builtin:onboarding-30', owner: seed.ada });
    backend.assessments.assignStored(next, [backend.me], backend.dayFromToday(-1));
    await act(() => emitDocChanged({ docId: next, kind: 'assessment', teamId: seed.teamId }));
    await waitFor(() => expect(screen.getByTestId('nav-assessments-badge').textContent).toBe('2'));
    expect(done).not.toBe('');
  });

  it('lists what waits on me first with its due date and an overdue badge, then what I finished', async () => {
    let late = '';
    let finished = '';
    const { user } = renderTeam((b, s) => {
      late = b.assessments.addAssessment(s.teamId, { title: 'Onboarding', templateId: 'builtin:onboarding-30', owner: s.ada });
      b.assessments.assignStored(late, [b.me], b.dayFromToday(-2));
      finished = b.assessments.addAssessment(s.teamId, { title: 'Pulse', sections: TWO_STEPS, owner: s.ada });
      b.assessments.assignStored(finished, [b.me]);
      b.assessments.respondAs(finished, b.me, { pace: { type: 'number', value: 4 }, helped: { type: 'yes_no', value: true } }, true);
    });
    await openAssessments(user);
    const waiting = await screen.findByRole('list', { name: 'Waiting on you' });
    const item = within(waiting).getByTestId(`inbox-item-${late}`);
    expect(item.textContent).toContain('Due');
    expect(within(item).getByTestId('overdue-badge').textContent).toBe('Overdue');
    const done = screen.getByRole('list', { name: 'Finished' });
    expect(within(done).getByTestId(`inbox-item-${finished}`).textContent).toContain('Submitted');
  });

  it('walks through the wizard: saves each answer as a draft, shows progress, and submits', async () => {
    let id = '';
    const { backend, user } = renderTeam((b, s) => {
      id = b.assessments.addAssessment(s.teamId, { title: 'Onboarding review', templateId: 'builtin:onboarding-30', owner: s.ada });
      b.assessments.assignStored(id, [b.me], b.dayFromToday(3));
    });
    await openAssessments(user);
    await user.click(await screen.findByTestId(`inbox-item-${id}`));
    await screen.findByTestId('response-wizard');
    expect(screen.getByTestId('wizard-step').textContent).toBe('Step 1 of 2');
    expect(screen.getByTestId('wizard-answered').textContent).toBe('0 of 3 required answered');
    expect(screen.getByTestId('wizard-back')).toHaveProperty('disabled', true);

    await user.click(within(group(/Did you have every tool/)).getByRole('radio', { name: 'Yes' }));
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toBe('Saved on this device'));
    expect(backend.callsOf('response_answer')).toEqual([{ assessmentId: id, questionId: 'access', answer: { type: 'yes_no', value: true } }]);
    expect(screen.getByTestId('wizard-answered').textContent).toBe('1 of 3 required answered');
    expect(screen.getByTestId('wizard-progress').getAttribute('aria-valuenow')).toBe('1');

    await user.click(within(group(/onboarding buddy/)).getByRole('radio', { name: '4 Agree' }));
    await user.click(within(group(/Which of these do you know/)).getByRole('checkbox', { name: 'Ship a change' }));
    await user.click(within(group(/Which of these do you know/)).getByRole('checkbox', { name: 'Ask for review' }));
    await user.type(within(group(/What was missing/)).getByRole('textbox'), 'A map of the codebase');
    // Free text is saved once typing pauses.
    const last = () => backend.callsOf('response_answer').slice(-1)[0];
    await waitFor(() =>
      expect(last()).toEqual({
        assessmentId: id,
        questionId: 'missing',
        answer: { type: 'text', value: 'A map of the codebase' },
      }),
    );
    expect(backend.callsOf('response_answer').filter((c) => c.questionId === 'missing')).toHaveLength(1);
    expect(backend.callsOf('response_answer').find((c) => c.questionId === 'known' && (c.answer as { value: string[] }).value.length === 2)).toEqual({
      assessmentId: id,
      questionId: 'known',
      answer: { type: 'choices', value: ['Ship a change', 'Ask for review'] },
    });
    expect(screen.getByTestId('wizard-answered').textContent).toBe('3 of 3 required answered');

    await user.click(screen.getByTestId('wizard-next'));
    expect(screen.getByTestId('wizard-step').textContent).toBe('Step 2 of 2');
    const review = screen.getByTestId('wizard-review');
    expect(review.textContent).toContain('4 – Agree');
    expect(review.textContent).toContain('Ship a change; Ask for review');
    await user.click(screen.getByTestId('response-submit'));
    await waitForCall(backend, 'response_submit');
    expect(backend.callsOf('response_submit')).toEqual([{ assessmentId: id }]);
    const status = await screen.findByTestId('response-status');
    expect(status.textContent).toContain('Submitted');
    expect(screen.queryByTestId('response-wizard')).toBeNull();
    expect(screen.queryByRole('radio')).toBeNull();
    await waitFor(() => expect(screen.queryByTestId('nav-assessments-badge')).toBeNull());
  });

  it('moves to the step with the question the core says is unanswered', async () => {
    let id = '';
    const { backend, user } = renderTeam((b, s) => {
      id = b.assessments.addAssessment(s.teamId, { title: 'Pulse', sections: TWO_STEPS, owner: s.ada });
      b.assessments.assignStored(id, [b.me]);
    });
    await openAssessments(user);
    await user.click(await screen.findByTestId(`inbox-item-${id}`));
    await screen.findByTestId('response-wizard');
    expect(screen.getByTestId('wizard-step').textContent).toBe('Step 1 of 3');
    await user.click(screen.getByTestId('wizard-next'));
    expect(screen.getByTestId('wizard-section-title').textContent).toBe('Your team');
    await user.click(within(group(/Did someone help you/)).getByRole('radio', { name: 'Yes' }));
    await user.click(screen.getByTestId('wizard-next'));
    expect(screen.getByTestId('wizard-step').textContent).toBe('Step 3 of 3');
    await user.click(screen.getByTestId('response-submit'));

    await waitFor(() => expect(screen.getByTestId('wizard-step').textContent).toBe('Step 1 of 3'));
    const question = screen.getByTestId('question-pace');
    expect(within(question).getByTestId('question-missing').textContent).toContain('needs an answer');
    expect(document.activeElement).toBe(question);
    expect(backend.callsOf('response_submit')).toHaveLength(1);
    // Answering it clears the mark, and the submit goes through.
    await user.click(within(question).getByRole('radio', { name: '5 Strongly agree' }));
    expect(within(question).queryByTestId('question-missing')).toBeNull();
    await user.click(screen.getByRole('button', { name: /Review and submit/ }));
    await user.click(screen.getByTestId('response-submit'));
    expect((await screen.findByTestId('response-status')).textContent).toContain('Submitted');
  });

  it("shows the manager's feedback and opens the answers again when changes are requested", async () => {
    let id = '';
    const { backend, user } = renderTeam((b, s) => {
      id = b.assessments.addAssessment(s.teamId, { title: 'Pulse', sections: TWO_STEPS, owner: s.ada });
      b.assessments.assignStored(id, [b.me]);
      b.assessments.respondAs(id, b.me, { pace: { type: 'number', value: 2 }, helped: { type: 'yes_no', value: false } }, true);
      b.assessments.reviewStored(id, b.me, 'changes_requested', { feedback: 'Tell us who you asked for help.' });
    });
    await openAssessments(user);
    await user.click(await screen.findByTestId(`inbox-item-${id}`));
    expect((await screen.findByTestId('response-feedback')).textContent).toContain('Tell us who you asked for help.');
    // The earlier answers are kept, and can be changed.
    const pace = within(group(/pace of work/)).getByRole('radio', { name: '2 Disagree' }) as HTMLInputElement;
    expect(pace.checked).toBe(true);
    await user.click(screen.getByTestId('wizard-next'));
    expect(screen.getByTestId('wizard-step').textContent).toBe('Step 2 of 3');
    await user.click(within(group(/Did someone help you/)).getByRole('radio', { name: 'Yes' }));
    await waitForCall(backend, 'response_answer');
    expect(backend.callsOf('response_answer')[0]).toEqual({ assessmentId: id, questionId: 'helped', answer: { type: 'yes_no', value: true } });
    // The first answer of the new round keeps me where I am.
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toBe('Saved on this device'));
    expect(screen.getByTestId('wizard-step').textContent).toBe('Step 2 of 3');
    await user.click(screen.getByTestId('wizard-next'));
    await user.click(screen.getByTestId('response-submit'));
    expect((await screen.findByTestId('response-status')).textContent).toContain('Submitted');
  });

  it('shows the score once approved, read-only', async () => {
    let id = '';
    const { user } = renderTeam((b, s) => {
      id = b.assessments.addAssessment(s.teamId, { title: 'Pulse', sections: TWO_STEPS, owner: s.ada });
      b.assessments.assignStored(id, [b.me]);
      b.assessments.respondAs(id, b.me, { pace: { type: 'number', value: 4 }, helped: { type: 'yes_no', value: true } }, true);
      b.assessments.reviewStored(id, b.me, 'approved', { score: 90, reason: 'Helped two new hires.' });
    });
    await openAssessments(user);
    await user.click(await screen.findByTestId(`inbox-item-${id}`));
    const status = await screen.findByTestId('response-status');
    expect(status.textContent).toContain('Approved');
    expect(screen.getByTestId('response-score').textContent).toBe('90');
    expect(status.textContent).toContain('Helped two new hires.');
    expect(screen.queryByTestId('response-submit')).toBeNull();
  });

  it('opens the assessment of a clicked reminder: my response, or for a manager the assessment', async () => {
    let mine = '';
    let theirs = '';
    const { backend, seed } = renderTeam((b, s) => {
      mine = b.assessments.addAssessment(s.teamId, { title: 'Onboarding', templateId: 'builtin:onboarding-30', owner: s.ada });
      b.assessments.assignStored(mine, [b.me]);
      theirs = b.assessments.addAssessment(s.teamId, { title: 'Skills', templateId: 'builtin:skills-self-assessment' });
      b.assessments.assignStored(theirs, [s.grace], '2000-01-01');
    });
    await screen.findByTestId('nav-assessments');
    await act(() => emit('reminder-clicked', { assessmentId: mine, teamId: seed.teamId, userId: backend.me }));
    await waitFor(() => expect(screen.getByTestId('response-view').dataset.assessmentId).toBe(mine));
    await screen.findByTestId('response-wizard');

    await act(() => emit('reminder-clicked', { assessmentId: theirs, teamId: seed.teamId, userId: seed.grace }));
    await waitFor(() => expect(screen.getByTestId('assessment-detail').dataset.assessmentId).toBe(theirs));
    expect(within(screen.getByTestId(`assignment-row-${seed.grace}`)).getByTestId('overdue-badge')).toBeTruthy();
    expect(screen.getByTestId('nav-assessments').getAttribute('aria-current')).toBe('page');
  });
});

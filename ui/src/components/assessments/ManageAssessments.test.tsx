import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { openAssessments, quarterly, renderTeam, waitForCall } from '../../test/assessments';

describe('Assessments, manager side', () => {
  it('says there are none yet, creates one from a template and delegates it to two members', async () => {
    const { backend, user, seed } = renderTeam();
    await openAssessments(user);
    const empty = await screen.findByTestId('assessments-empty');
    expect(empty.textContent).toContain('No assessments yet');

    await user.click(screen.getByTestId('assessment-new'));
    await user.type(await screen.findByTestId('assessment-title'), 'Onboarding, spring hires');
    const template = (await screen.findByTestId('assessment-template')) as HTMLSelectElement;
    // Option values are template ids; the built-in ones come first.
    expect(Array.from(template.options).map((o) => o.value)).toEqual([
      'builtin:quarterly-check-in',
      'builtin:onboarding-30',
      'builtin:skills-self-assessment',
      '',
    ]);
    await user.selectOptions(template, 'builtin:onboarding-30');
    expect(screen.getByTestId('questions-preview').textContent).toContain('Did you have every tool and access you needed');
    await user.click(screen.getByTestId('assessment-create-submit'));

    expect(backend.callsOf('assessment_create')).toEqual([
      { teamId: seed.teamId, input: { title: 'Onboarding, spring hires', templateId: 'builtin:onboarding-30' } },
    ]);
    const detail = await screen.findByTestId('assessment-detail');
    const id = detail.dataset.assessmentId ?? '';
    expect(screen.getByTestId('assessment-heading').textContent).toBe('Onboarding, spring hires');
    expect(screen.getByTestId('assignments-empty')).toBeTruthy();

    // Viewers cannot answer, so they are not offered.
    await screen.findByTestId(`assign-member-${seed.ada}`);
    expect(screen.queryByTestId(`assign-member-${seed.vera}`)).toBeNull();
    await user.click(screen.getByTestId(`assign-member-${seed.ada}`));
    await user.click(screen.getByTestId(`assign-member-${seed.grace}`));
    fireEvent.change(screen.getByTestId('assign-due'), { target: { value: '2030-06-30' } });
    await user.click(screen.getByTestId('assign-submit'));

    await waitForCall(backend, 'assessment_assign');
    expect(backend.callsOf('assessment_assign')).toEqual([
      { assessmentId: id, to: { to: 'people', ids: [seed.ada, seed.grace] }, due: '2030-06-30' },
    ]);
    const row = await screen.findByTestId(`assignment-row-${seed.grace}`);
    expect(within(row).getByTestId(`assignment-progress-${seed.grace}`).textContent).toBe('Not started');
    expect(screen.getByTestId(`assignment-score-${seed.grace}`).textContent).toBe('–');
    expect(screen.getByTestId(`assignment-row-${seed.ada}`)).toBeTruthy();
    // Those assigned stay ticked and can't be assigned twice.
    const ada = screen.getByTestId(`assign-member-${seed.ada}`) as HTMLInputElement;
    expect(ada.checked && ada.disabled).toBe(true);
    expect((await screen.findByTestId('info-toast')).textContent).toContain('Assigned to 2 more people');

    await user.click(screen.getByTestId('screen-back'));
    const item = await screen.findByTestId(`assessment-item-${id}`);
    expect(item.textContent).toContain('2 assigned');
    expect(within(item).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0');
  });

  it('assigns a whole department, and asks for someone before assigning nobody', async () => {
    let id = '';
    let research = '';
    const { backend, user, seed } = renderTeam((b, s) => {
      research = b.people.addDepartment(s.teamId, 'Research');
      b.people.setProfile(s.teamId, s.grace, { department: research });
      b.people.setProfile(s.teamId, s.vera, { department: research });
      id = b.assessments.addAssessment(s.teamId, { title: 'Skills', templateId: 'builtin:skills-self-assessment' });
    });
    await openAssessments(user);
    await user.click(await screen.findByTestId(`assessment-item-${id}`));
    await screen.findByTestId(`assign-member-${seed.grace}`);
    await user.click(screen.getByTestId('assign-submit'));
    expect((await screen.findByTestId('assign-error')).textContent).toBe('Pick at least one person.');
    expect(backend.callsOf('assessment_assign')).toEqual([]);

    await user.click(screen.getByTestId('assign-mode-department'));
    await user.selectOptions(screen.getByTestId('assign-department'), research);
    await user.click(screen.getByTestId('assign-submit'));
    await waitForCall(backend, 'assessment_assign');
    expect(backend.callsOf('assessment_assign')[0]).toEqual({ assessmentId: id, to: { to: 'department', ids: research } });
    // The viewer in that department is left out by the core.
    await screen.findByTestId(`assignment-row-${seed.grace}`);
    expect(screen.queryByTestId(`assignment-row-${seed.vera}`)).toBeNull();
  });

  it('reviews a submission: Request changes needs feedback, then reopens it for the next round', async () => {
    let id = '';
    const { backend, user, seed } = renderTeam((b, s) => {
      id = b.assessments.addAssessment(s.teamId, { title: 'Quarterly check-in', templateId: 'builtin:quarterly-check-in' });
      b.assessments.assignStored(id, [s.grace, s.linus], '2030-01-31');
      b.assessments.respondAs(id, s.grace, quarterly(5, 'Most', 2, 30, 4), true);
    });
    await openAssessments(user);
    await user.click(await screen.findByTestId(`assessment-item-${id}`));
    const row = await screen.findByTestId(`assignment-row-${seed.grace}`);
    expect(within(row).getByTestId(`assignment-progress-${seed.grace}`).textContent).toBe('Submitted, waiting for review');
    // Before approval the rules' score shows: (1 + 2·⅔ + .75 + .75 + .75) / 6.
    expect(screen.getByTestId(`assignment-score-${seed.grace}`).textContent).toBe('76.4');
    // Linus has not answered: he can be nudged, not reviewed.
    expect(screen.queryByTestId(`review-${seed.linus}`)).toBeNull();
    await user.click(screen.getByTestId(`nudge-${seed.linus}`));
    await waitForCall(backend, 'assessment_nudge');
    expect(backend.callsOf('assessment_nudge')).toEqual([{ assessmentId: id, userId: seed.linus }]);

    await user.click(screen.getByTestId(`review-${seed.grace}`));
    const panel = await screen.findByTestId('review-panel');
    expect(within(panel).getByTestId('review-auto-score').textContent).toBe('76.4');
    const answers = await within(panel).findByTestId('review-answers');
    expect(within(answers).getByTestId('review-answer-goals-met').textContent).toContain('Most');
    expect(within(answers).getByTestId('review-answer-goals-met').textContent).toContain('66.7 / 100');
    expect(within(answers).getByTestId('review-answer-next').textContent).toContain('No answer');

    await user.click(within(panel).getByTestId('review-request-changes'));
    const error = await within(panel).findByTestId('review-error');
    expect(error.textContent).toContain('feedback is required');
    expect(document.activeElement).toBe(within(panel).getByTestId('review-feedback'));
    expect(backend.callsOf('assessment_review')).toEqual([]);

    await user.type(within(panel).getByTestId('review-feedback'), 'Please say what we should change next quarter.');
    await user.click(within(panel).getByTestId('review-request-changes'));
    await waitForCall(backend, 'assessment_review');
    expect(backend.callsOf('assessment_review')).toEqual([
      {
        assessmentId: id,
        userId: seed.grace,
        review: { decision: 'changes_requested', feedback: 'Please say what we should change next quarter.' },
      },
    ]);
    await waitFor(() => expect(screen.getByTestId(`assignment-progress-${seed.grace}`).textContent).toBe('Changes requested'));
    expect(within(screen.getByTestId(`assignment-row-${seed.grace}`)).getAllByRole('cell')[2].textContent).toBe('2');
    expect(screen.queryByTestId('review-panel')).toBeNull();
  });

  it('approves with a new score only when a reason is given, and keeps the reason in the history', async () => {
    let id = '';
    const { backend, user, seed } = renderTeam((b, s) => {
      id = b.assessments.addAssessment(s.teamId, { title: 'Quarterly check-in', templateId: 'builtin:quarterly-check-in' });
      b.assessments.assignStored(id, [s.grace]);
      b.assessments.respondAs(id, s.grace, quarterly(5, 'Most', 2, 30, 4), true);
    });
    await openAssessments(user);
    await user.click(await screen.findByTestId(`assessment-item-${id}`));
    await user.click(await screen.findByTestId(`review-${seed.grace}`));
    const panel = await screen.findByTestId('review-panel');
    await user.click(within(panel).getByTestId('review-override-toggle'));
    await user.type(within(panel).getByTestId('review-score'), '85');
    await user.click(within(panel).getByTestId('review-approve'));
    expect((await within(panel).findByTestId('review-error')).textContent).toContain('reason');
    expect(document.activeElement).toBe(within(panel).getByTestId('review-reason'));
    expect(backend.callsOf('assessment_review')).toEqual([]);

    await user.type(within(panel).getByTestId('review-reason'), 'Led the launch on top of her goals.');
    await user.click(within(panel).getByTestId('review-approve'));
    await waitForCall(backend, 'assessment_review');
    expect(backend.callsOf('assessment_review')[0]).toEqual({
      assessmentId: id,
      userId: seed.grace,
      review: { decision: 'approved', scoreOverride: 85, overrideReason: 'Led the launch on top of her goals.' },
    });
    await waitFor(() => expect(screen.getByTestId(`assignment-score-${seed.grace}`).textContent).toBe('85'));
    expect(screen.getByTestId(`assignment-progress-${seed.grace}`).textContent).toBe('Approved');

    // An approved response is rescored the same way; earlier reviews show their reasons.
    await user.click(screen.getByTestId(`review-${seed.grace}`));
    const again = await screen.findByTestId('review-panel');
    expect(within(again).getByTestId('review-history').textContent).toContain('Reason: Led the launch on top of her goals.');
    expect(within(again).queryByTestId('review-approve')).toBeNull();
    await user.type(within(again).getByTestId('review-score'), '90');
    await user.click(within(again).getByTestId('review-rescore'));
    expect((await within(again).findByTestId('review-error')).textContent).toContain('reason');
    expect(backend.callsOf('assessment_review')).toHaveLength(1);
  });

  it('starts the next run for the same people with a new due date', async () => {
    let id = '';
    const { backend, user, seed } = renderTeam((b, s) => {
      id = b.assessments.addAssessment(s.teamId, { title: 'Quarterly check-in', templateId: 'builtin:quarterly-check-in' });
      b.assessments.assignStored(id, [s.grace, s.linus]);
    });
    await openAssessments(user);
    await user.click(await screen.findByTestId(`assessment-item-${id}`));
    fireEvent.change(await screen.findByTestId('run-again-due'), { target: { value: '2030-09-30' } });
    await user.click(screen.getByTestId('run-again-submit'));
    await waitForCall(backend, 'assessment_run_again');
    expect(backend.callsOf('assessment_run_again')).toEqual([{ assessmentId: id, due: '2030-09-30' }]);
    await waitFor(() => expect(screen.getByTestId('assessment-detail').dataset.assessmentId).not.toBe(id));
    expect(screen.getByTestId('assessment-heading').parentElement?.textContent).toContain('Run 2');
    expect(screen.getByTestId(`assignment-row-${seed.linus}`).textContent).toContain('Not started');
  });

  it('shows the coded error when the title is empty, and keeps the form', async () => {
    const { user } = renderTeam();
    await openAssessments(user);
    await user.click(await screen.findByTestId('assessment-new'));
    await screen.findByTestId('assessment-template');
    await user.click(screen.getByTestId('assessment-create-submit'));
    const toast = await screen.findByTestId('error-toast');
    expect(toast.dataset.code).toBe('empty');
    expect(screen.getByTestId('assessment-create-form')).toBeTruthy();
  });

  it('hides the manager side from members', async () => {
    const { user } = renderTeam((b, s) => b.setRole(s.teamId, b.me, 'member'));
    await openAssessments(user);
    await screen.findByTestId('inbox-empty');
    expect(screen.queryByTestId('assessment-new')).toBeNull();
    expect(screen.queryByTestId('assessment-list')).toBeNull();
  });

  it('moves one person’s due date from their row, and takes it away', async () => {
    let id = '';
    const { backend, user, seed } = renderTeam((b, s) => {
      id = b.assessments.addAssessment(s.teamId, { title: 'Skills', templateId: 'builtin:skills-self-assessment' });
      b.assessments.assignStored(id, [s.grace, s.linus], '2000-01-10');
    });
    await openAssessments(user);
    await user.click(await screen.findByTestId(`assessment-item-${id}`));
    const row = await screen.findByTestId(`assignment-row-${seed.grace}`);
    expect(within(row).getByTestId('overdue-badge')).toBeTruthy();

    await user.click(within(row).getByRole('button', { name: 'Change the due date for Grace Hopper' }));
    const input = screen.getByLabelText('Due date for Grace Hopper') as HTMLInputElement;
    expect(input.value).toBe('2000-01-10');
    expect(document.activeElement).toBe(input);
    fireEvent.change(input, { target: { value: '2030-02-15' } });
    await user.click(screen.getByTestId(`due-save-${seed.grace}`));
    await waitForCall(backend, 'assessment_set_due');
    expect(backend.callsOf('assessment_set_due')).toEqual([{ assessmentId: id, userId: seed.grace, due: '2030-02-15' }]);
    await waitFor(() => expect(screen.queryByTestId(`due-input-${seed.grace}`)).toBeNull());
    const due = screen.getByTestId(`assignment-due-${seed.grace}`);
    expect(due.textContent).toContain('2030');
    expect(within(screen.getByTestId(`assignment-row-${seed.grace}`)).queryByTestId('overdue-badge')).toBeNull();
    expect((await screen.findByTestId('info-toast')).textContent).toContain('Grace Hopper is now due');
    expect(document.activeElement).toBe(screen.getByTestId(`due-edit-${seed.grace}`));
    // Linus keeps his date.
    expect(within(screen.getByTestId(`assignment-row-${seed.linus}`)).getByTestId('overdue-badge')).toBeTruthy();

    await user.click(screen.getByTestId(`due-edit-${seed.grace}`));
    await user.click(screen.getByTestId(`due-clear-${seed.grace}`));
    await waitForCall(backend, 'assessment_set_due', 2);
    expect(backend.callsOf('assessment_set_due')[1]).toEqual({ assessmentId: id, userId: seed.grace, due: null });
    await waitFor(() => expect(screen.getByTestId(`assignment-due-${seed.grace}`).textContent).toBe('–'));

    // Escape leaves the date as it was.
    await user.click(screen.getByTestId(`due-edit-${seed.linus}`));
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId(`due-input-${seed.linus}`)).toBeNull();
    expect(backend.callsOf('assessment_set_due').length).toBe(2);
  });

  it('offers no due-date change to someone who does not own the assessment', async () => {
    let id = '';
    const { user, seed } = renderTeam((b, s) => {
      id = b.assessments.addAssessment(s.teamId, { title: 'Skills', templateId: 'builtin:skills-self-assessment', owner: s.ada });
      b.assessments.assignStored(id, [s.grace], '2030-01-10');
    });
    await openAssessments(user);
    await user.click(await screen.findByTestId(`assessment-item-${id}`));
    await screen.findByTestId(`assignment-row-${seed.grace}`);
    expect(screen.queryByTestId(`due-edit-${seed.grace}`)).toBeNull();
  });
});

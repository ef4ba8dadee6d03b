import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { FakeBackend } from '../../dev/fakeBackend';
import { openAssessments, quarterly, renderTeam, waitForCall, type TeamSeed } from '../../test/assessments';

/** Run 1: three approved. Run 2: Ada and Grace submitted, Linus not yet. */
function twoRuns(b: FakeBackend, s: TeamSeed) {
  const research = b.people.addDepartment(s.teamId, 'Research');
  const product = b.people.addDepartment(s.teamId, 'Product design');
  b.people.setProfile(s.teamId, s.grace, { department: research });
  b.people.setProfile(s.teamId, s.ada, { department: product });
  b.people.setProfile(s.teamId, s.linus, { department: product });
  const run1 = b.assessments.addAssessment(s.teamId, { title: 'Quarterly check-in', templateId: 'builtin:quarterly-check-in', createdAt: 1_000 });
  b.assessments.assignStored(run1, [s.ada, s.grace, s.linus]);
  b.assessments.respondAs(run1, s.ada, quarterly(5, 'Most', 2, 24, 4), true);
  b.assessments.respondAs(run1, s.grace, quarterly(3, 'Some', 4, 12, 3), true);
  b.assessments.respondAs(run1, s.linus, quarterly(4, 'All', 3, 30, 5), true);
  for (const user of [s.ada, s.grace, s.linus]) b.assessments.reviewStored(run1, user, 'approved');
  const run2 = b.assessments.addRun(run1, { createdAt: 2_000 });
  b.assessments.assignStored(run2, [s.ada, s.grace, s.linus]);
  b.assessments.respondAs(run2, s.ada, quarterly(4, 'All', 2, 28, 5), true);
  b.assessments.respondAs(run2, s.grace, { ...quarterly(3, 'Some', 4, 12, 3), next: { type: 'text', value: 'Fewer meetings.' } }, true);
  return run2;
}

describe('Assessment results', () => {
  it('draws accessible charts: people, departments, each question and the trend over runs', async () => {
    let run2 = '';
    const { user } = renderTeam((b, s) => {
      run2 = twoRuns(b, s);
    });
    await openAssessments(user);
    await user.click(await screen.findByTestId(`assessment-item-${run2}`));
    await user.click(await screen.findByTestId('assessment-results-open'));
    const view = await screen.findByTestId('results-view');
    await within(view).findByTestId('results-summary');
    expect(screen.getByTestId('summary-assigned').textContent).toBe('3');
    expect(screen.getByTestId('summary-submitted').textContent).toBe('2');
    expect(screen.getByTestId('summary-approved').textContent).toBe('0');
    expect(screen.getByTestId('summary-average').textContent).toBe('61.8');

    // Each chart is one image with its data in words, and the same data as a table.
    expect(
      screen.getByRole('img', { name: 'Score by person: Ada Lovelace 86.7, Grace Hopper 36.9, Linus Torvalds no score yet' }),
    ).toBeTruthy();
    const members = screen.getByTestId('chart-members');
    const table = within(members).getByRole('table', { name: 'Score by person' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(screen.getByRole('img', { name: 'Average score by department: Product design (1/2) 86.7, Research (1/1) 36.9' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'How many of your goals did you meet?: None 0, Some 1, Most 0, All 1' })).toBeTruthy();
    expect(screen.getByRole('img', { name: /^My goals for this quarter were clear\.: 1 – Strongly disagree 0, 2 – Disagree 0, 3 – Neutral 1, 4 – Agree 1/ })).toBeTruthy();
    expect(screen.getByTestId('question-result-goals-clear').textContent).toContain('mean 3.5');
    expect(screen.getByTestId('question-result-next').textContent).toContain('Fewer meetings.');
    await waitFor(() => expect(screen.getByRole('img', { name: 'Average score by run: Run 1 64.7, Run 2 61.8' })).toBeTruthy());
    expect(within(screen.getByTestId('chart-trend')).getByRole('table')).toBeTruthy();
  });

  it('compares two people and two runs side by side', async () => {
    let run2 = '';
    const { user, seed } = renderTeam((b, s) => {
      run2 = twoRuns(b, s);
    });
    await openAssessments(user);
    await user.click(await screen.findByTestId(`assessment-item-${run2}`));
    await user.click(await screen.findByTestId('assessment-results-open'));

    const people = await screen.findByTestId('member-comparison');
    expect((within(people).getByTestId('compare-member-a') as HTMLSelectElement).value).toBe(seed.ada);
    expect((within(people).getByTestId('compare-member-b') as HTMLSelectElement).value).toBe(seed.grace);
    const row = within(people).getByRole('row', { name: /How many of your goals did you meet/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['All (100)', 'Some (33.3)']);
    await user.selectOptions(within(people).getByTestId('compare-member-b'), seed.ada);
    expect(within(within(people).getByRole('row', { name: /How many of your goals/ })).getAllByRole('cell')[1].textContent).toBe('All (100)');

    const runs = await screen.findByTestId('run-comparison');
    expect(Array.from((within(runs).getByTestId('compare-run') as HTMLSelectElement).options).map((o) => o.textContent)).toEqual(['Run 1']);
    const total = await within(runs).findByRole('row', { name: /^Average score/ });
    expect(within(total).getAllByRole('cell').map((c) => c.textContent)).toEqual(['61.8', '64.7']);
    const goals = within(runs).getByRole('row', { name: /How many of your goals/ });
    // Run 2: All and Some (100, 33.3); run 1: Most, Some, All (66.7, 33.3, 100).
    expect(within(goals).getAllByRole('cell').map((c) => c.textContent)).toEqual(['66.7', '66.7']);
  });

  it('exports as CSV or JSON and says where the file went; a cancelled save says nothing', async () => {
    let run2 = '';
    const { backend, user } = renderTeam((b, s) => {
      run2 = twoRuns(b, s);
    });
    await openAssessments(user);
    await user.click(await screen.findByTestId(`assessment-item-${run2}`));
    await user.click(await screen.findByTestId('assessment-results-open'));
    await user.click(await screen.findByTestId('export-csv'));
    expect((await screen.findByTestId('info-toast')).textContent).toContain('Saved to /home/alex/Documents/quarterly-check-in-run-2.csv');
    expect(backend.callsOf('assessment_export')).toEqual([{ assessmentId: run2, format: 'csv' }]);

    backend.assessments.exportResult = null;
    await user.click(screen.getByTestId('export-json'));
    await waitForCall(backend, 'assessment_export', 2);
    await waitFor(() => expect(screen.getByTestId('export-json')).toHaveProperty('disabled', false));
    expect(screen.getAllByTestId('info-toast').map((t) => t.textContent).join()).not.toContain('.json');
  });

  it('says when nobody has submitted yet', async () => {
    let id = '';
    const { user } = renderTeam((b, s) => {
      id = b.assessments.addAssessment(s.teamId, { title: 'Skills', templateId: 'builtin:skills-self-assessment' });
      b.assessments.assignStored(id, [s.grace]);
    });
    await openAssessments(user);
    await user.click(await screen.findByTestId(`assessment-item-${id}`));
    await user.click(await screen.findByTestId('assessment-results-open'));
    expect((await screen.findByTestId('results-empty')).textContent).toContain('No answers yet');
    expect(screen.getByRole('img', { name: 'Score by person: Grace Hopper no score yet' })).toBeTruthy();
  });
});

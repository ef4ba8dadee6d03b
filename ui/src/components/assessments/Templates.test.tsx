import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Section, Template } from '../../api';
import { openAssessments, renderTeam, waitForCall } from '../../test/assessments';

const editors = () => screen.getAllByTestId('question-editor');

describe('Templates and questions', () => {
  it('writes a team template with every kind of question and scoring rule, borrowing one from the bank', async () => {
    const { backend, user, seed } = renderTeam();
    await openAssessments(user);
    await user.click(await screen.findByTestId('templates-open'));
    await user.click(await screen.findByTestId('template-new'));
    await user.type(screen.getByTestId('template-title'), 'Weekly pulse');
    await user.clear(screen.getByTestId('section-title'));
    await user.type(screen.getByTestId('section-title'), 'This week');

    // 1: single choice with points per option.
    let q = within(editors()[0]);
    await user.type(q.getByTestId('question-prompt'), 'How was your week?');
    await user.selectOptions(q.getByTestId('question-kind'), 'single_choice');
    expect((q.getByTestId('question-scoring') as HTMLSelectElement).value).toBe('points');
    const options = q.getAllByTestId('option-input');
    await user.clear(options[0]);
    await user.type(options[0], 'Rough');
    await user.clear(options[1]);
    await user.type(options[1], 'Fine');
    await user.click(q.getByRole('button', { name: 'Add option' }));
    await user.clear(q.getAllByTestId('option-input')[2]);
    await user.type(q.getAllByTestId('option-input')[2], 'Great');
    fireEvent.change(q.getByLabelText('Points for option 3'), { target: { value: '4' } });
    fireEvent.change(q.getByTestId('question-weight'), { target: { value: '2' } });

    // 2: Likert, reversed.
    await user.click(screen.getByTestId('question-add'));
    q = within(editors()[1]);
    await user.type(q.getByTestId('question-prompt'), 'I felt rushed.');
    await user.click(q.getByRole('checkbox', { name: 'Reverse: a lower answer is better' }));

    // 3: yes/no expecting No.
    await user.click(screen.getByTestId('question-add'));
    q = within(editors()[2]);
    await user.type(q.getByTestId('question-prompt'), 'Did you work late?');
    await user.selectOptions(q.getByTestId('question-kind'), 'yes_no');
    await user.click(q.getByRole('radio', { name: 'No' }));

    // 4: a 0–10 scale.
    await user.click(screen.getByTestId('question-add'));
    q = within(editors()[3]);
    await user.type(q.getByTestId('question-prompt'), 'Energy level');
    await user.selectOptions(q.getByTestId('question-kind'), 'scale');
    fireEvent.change(q.getByLabelText('Lowest'), { target: { value: '0' } });

    // 5: optional free text; 6: multiple choice, not scored.
    await user.click(screen.getByTestId('question-add'));
    q = within(editors()[4]);
    await user.type(q.getByTestId('question-prompt'), 'Anything to share?');
    await user.selectOptions(q.getByTestId('question-kind'), 'free_text');
    expect(Array.from((q.getByTestId('question-scoring') as HTMLSelectElement).options).map((o) => o.value)).toEqual(['none']);
    await user.click(q.getByTestId('question-required'));
    await user.click(screen.getByTestId('question-add'));
    q = within(editors()[5]);
    await user.type(q.getByTestId('question-prompt'), 'Which rituals helped?');
    await user.selectOptions(q.getByTestId('question-kind'), 'multiple_choice');
    await user.selectOptions(q.getByTestId('question-scoring'), 'none');

    // 7: from the question bank.
    await user.click(screen.getByTestId('question-bank-open'));
    const bank = await screen.findByTestId('question-bank');
    await user.type(within(bank).getByRole('searchbox'), 'goals');
    await user.click(within(bank).getByTestId('bank-add-goals-met'));
    expect(editors()).toHaveLength(7);

    await user.click(screen.getByTestId('template-save'));
    await waitForCall(backend, 'template_save');
    const sent = backend.callsOf('template_save')[0] as { teamId: string; template: Template };
    expect(sent.teamId).toBe(seed.teamId);
    expect(sent.template.id).toBe('');
    expect(sent.template.title).toBe('Weekly pulse');
    const [section] = sent.template.sections as Section[];
    expect(section.title).toBe('This week');
    const shape = section.questions.map(({ prompt, kind, weight, required, scoring }) => ({ prompt, kind, weight, required, scoring }));
    expect(shape).toEqual([
      {
        prompt: 'How was your week?',
        kind: { type: 'single_choice', options: ['Rough', 'Fine', 'Great'] },
        weight: 2,
        required: true,
        scoring: { rule: 'points', points: [0, 1, 4] },
      },
      { prompt: 'I felt rushed.', kind: { type: 'likert' }, weight: 1, required: true, scoring: { rule: 'linear', reverse: true } },
      { prompt: 'Did you work late?', kind: { type: 'yes_no' }, weight: 1, required: true, scoring: { rule: 'expect', yes: false } },
      { prompt: 'Energy level', kind: { type: 'scale', min: 0, max: 10 }, weight: 1, required: true, scoring: { rule: 'linear', reverse: false } },
      { prompt: 'Anything to share?', kind: { type: 'free_text' }, weight: 1, required: false, scoring: { rule: 'none' } },
      {
        prompt: 'Which rituals helped?',
        kind: { type: 'multiple_choice', options: ['Option 1', 'Option 2'] },
        weight: 1,
        required: true,
        scoring: { rule: 'none' },
      },
      {
        prompt: 'How many of your goals did you meet?',
        kind: { type: 'single_choice', options: ['None', 'Some', 'Most', 'All'] },
        weight: 2,
        required: true,
        scoring: { rule: 'points', points: [0, 1, 2, 3] },
      },
    ]);
    expect(new Set(section.questions.map((x) => x.id)).size).toBe(7);

    // Saved: it is listed, and offered when creating an assessment.
    const saved = await screen.findByText('Weekly pulse');
    const savedId = saved.closest('li')?.dataset.testid?.replace('template-', '') ?? '';
    expect(savedId).not.toBe('');
    await user.click(screen.getByTestId('screen-back'));
    await user.click(await screen.findByTestId('assessment-new'));
    const select = (await screen.findByTestId('assessment-template')) as HTMLSelectElement;
    await waitFor(() => expect(Array.from(select.options).map((o) => o.value)).toContain(savedId));
  });

  it('starts blank: writes its own questions and creates the assessment with them', async () => {
    const { backend, user, seed } = renderTeam();
    await openAssessments(user);
    await user.click(await screen.findByTestId('assessment-new'));
    await user.type(await screen.findByTestId('assessment-title'), 'Retro');
    await user.selectOptions(screen.getByTestId('assessment-template'), '');
    await user.type(screen.getByTestId('question-prompt'), 'The sprint went well.');
    await user.click(screen.getByTestId('assessment-create-submit'));
    await waitForCall(backend, 'assessment_create');
    const call = backend.callsOf('assessment_create')[0] as { teamId: string; input: { title: string; templateId?: string; sections: Section[] } };
    expect(call.teamId).toBe(seed.teamId);
    expect(call.input.title).toBe('Retro');
    expect(call.input.templateId).toBeUndefined();
    expect(call.input.sections[0].title).toBe('Questions');
    expect(call.input.sections[0].questions.map((x) => x.prompt)).toEqual(['The sprint went well.']);
    await screen.findByTestId('assessment-detail');
  });

  it('changes a template’s questions for one assessment, keeping the template named', async () => {
    const { backend, user } = renderTeam();
    await openAssessments(user);
    await user.click(await screen.findByTestId('assessment-new'));
    await user.selectOptions(await screen.findByTestId('assessment-template'), 'builtin:skills-self-assessment');
    // Picking a template fills an empty title.
    expect((screen.getByTestId('assessment-title') as HTMLInputElement).value).toBe('Skills self-assessment');
    await user.click(screen.getByTestId('customise-questions'));
    await user.click(screen.getByRole('button', { name: 'Remove question 4' }));
    await user.click(screen.getByTestId('assessment-create-submit'));
    await waitForCall(backend, 'assessment_create');
    const call = backend.callsOf('assessment_create')[0] as { input: { templateId: string; sections: Section[] } };
    expect(call.input.templateId).toBe('builtin:skills-self-assessment');
    expect(call.input.sections[0].questions.map((x) => x.id)).toEqual(['communication', 'planning', 'mentoring']);
  });
});

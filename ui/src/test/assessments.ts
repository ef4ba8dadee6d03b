import { expect } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import type { Answer, Section } from '../api';
import type { FakeBackend, FakeBackendOptions } from '../dev/fakeBackend';
import { renderApp, seedTeam } from './renderApp';

export interface TeamSeed {
  teamId: string;
  boardId: string;
  /** A manager. */
  ada: string;
  grace: string;
  linus: string;
  /** A viewer: never offered for assessments. */
  vera: string;
}

/** Answers to the built-in quarterly check-in, question by question. */
export const quarterly = (goals: number, met: string, overloaded: number, focus: number, support: number): Record<string, Answer> => ({
  'goals-clear': { type: 'number', value: goals },
  'goals-met': { type: 'choice', value: met },
  overloaded: { type: 'number', value: overloaded },
  focus: { type: 'number', value: focus },
  support: { type: 'number', value: support },
});

/** The Design team: me (owner), Ada (manager), Grace and Linus (members), Vera (viewer). */
export function renderTeam(setup: (backend: FakeBackend, seed: TeamSeed) => void = () => {}, options: FakeBackendOptions = {}) {
  let seed = {} as TeamSeed;
  const rendered = renderApp((backend) => {
    const { teamId, boardId } = seedTeam(backend, 'Design');
    const ada = backend.addMember(teamId, 'Ada Lovelace', 'manager');
    const grace = backend.addMember(teamId, 'Grace Hopper');
    const linus = backend.addMember(teamId, 'Linus Torvalds');
    const vera = backend.addMember(teamId, 'Vera Viewer', 'viewer');
    seed = { teamId, boardId, ada, grace, linus, vera };
    setup(backend, seed);
  }, options);
  return { ...rendered, seed };
}

export async function openAssessments(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByTestId('nav-assessments'));
  return screen.findByTestId('assessments-view');
}

export async function openPeople(user: ReturnType<typeof renderApp>['user']) {
  await user.click(await screen.findByTestId('nav-people'));
  const view = await screen.findByTestId('people-view');
  await screen.findByTestId('members-table');
  return view;
}

/** Two sections with one required question each, and an optional comment. */
export const TWO_STEPS: Section[] = [
  {
    id: 'work',
    title: 'Your work',
    questions: [
      { id: 'pace', prompt: 'The pace of work feels sustainable.', kind: { type: 'likert' }, weight: 1, required: true, scoring: { rule: 'linear', reverse: false } },
    ],
  },
  {
    id: 'team',
    title: 'Your team',
    questions: [
      { id: 'helped', prompt: 'Did someone help you this month?', kind: { type: 'yes_no' }, weight: 1, required: true, scoring: { rule: 'expect', yes: true } },
      { id: 'note', prompt: 'Anything else?', kind: { type: 'free_text' }, weight: 0, required: false, scoring: { rule: 'none' } },
    ],
  },
];

export async function waitForCall(backend: FakeBackend, cmd: string, count = 1) {
  await waitFor(() => expect(backend.callsOf(cmd).length).toBeGreaterThanOrEqual(count));
  return backend.callsOf(cmd);
}

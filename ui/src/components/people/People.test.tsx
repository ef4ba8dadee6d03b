import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { openPeople, renderTeam, waitForCall } from '../../test/assessments';

describe('People', () => {
  it('lists members with role, title, department, reporting line and skills', async () => {
    const { user, seed } = renderTeam((b, s) => {
      const research = b.people.addDepartment(s.teamId, 'Research', s.ada);
      b.people.setProfile(s.teamId, s.grace, { title: 'Researcher', department: research, reportsTo: s.ada, skills: ['interviews', 'surveys'] });
    });
    await openPeople(user);
    const row = screen.getByTestId(`person-row-${seed.grace}`);
    expect(within(row).getByTestId(`person-title-${seed.grace}`).textContent).toBe('Researcher');
    expect((within(row).getByTestId(`role-select-${seed.grace}`) as HTMLSelectElement).value).toBe('member');
    expect((within(row).getByRole('combobox', { name: 'Department of Grace Hopper' }) as HTMLSelectElement).selectedOptions[0].textContent).toBe(
      'Research',
    );
    expect((within(row).getByRole('combobox', { name: 'Grace Hopper reports to' }) as HTMLSelectElement).selectedOptions[0].textContent).toBe(
      'Ada Lovelace',
    );
    expect(within(within(row).getByRole('list', { name: 'Skills of Grace Hopper' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'interviews',
      'surveys',
    ]);
    expect(screen.getByTestId('departments-panel').textContent).toContain('led by Ada Lovelace');
    expect(screen.getByTestId('board-title').textContent).toBe('People');
    expect(screen.getByTestId('nav-people').getAttribute('aria-current')).toBe('page');
  });

  it('changes a role at once', async () => {
    const { backend, user, seed } = renderTeam();
    await openPeople(user);
    await user.selectOptions(screen.getByTestId(`role-select-${seed.grace}`), 'manager');
    await waitForCall(backend, 'member_set_role');
    expect(backend.callsOf('member_set_role')).toEqual([{ teamId: seed.teamId, userId: seed.grace, role: 'manager' }]);
    await waitFor(() => expect((screen.getByTestId(`role-select-${seed.grace}`) as HTMLSelectElement).value).toBe('manager'));
    expect((await screen.findByTestId('info-toast')).textContent).toContain('Grace Hopper is now a manager.');
  });

  it('asks before changing my own role, and explains last_owner in plain words', async () => {
    const { backend, user } = renderTeam();
    await openPeople(user);
    await user.selectOptions(screen.getByTestId(`role-select-${backend.me}`), 'member');
    const dialog = await screen.findByTestId('confirm-dialog');
    expect(dialog.textContent).toContain('You may lose the right to change roles');
    await user.click(within(dialog).getByTestId('confirm-ok'));
    const toast = await screen.findByTestId('error-toast');
    expect(toast.dataset.code).toBe('last_owner');
    expect(toast.textContent).toContain('A team needs at least one owner');
    await waitFor(() => expect((screen.getByTestId(`role-select-${backend.me}`) as HTMLSelectElement).value).toBe('owner'));
  });

  it('removes a member only after confirming, and says access ends once the relay has the change', async () => {
    const { backend, user, seed } = renderTeam();
    await openPeople(user);
    await user.click(screen.getByTestId(`remove-member-${seed.linus}`));
    let dialog = await screen.findByTestId('confirm-dialog');
    expect(dialog.textContent).toContain('Remove Linus Torvalds from Design?');
    expect(dialog.textContent).toContain('as soon as the relay has this change');
    // Danger dialogs start on Cancel.
    expect(document.activeElement).toBe(within(dialog).getByTestId('confirm-cancel'));
    await user.click(within(dialog).getByTestId('confirm-cancel'));
    expect(backend.callsOf('member_remove')).toEqual([]);
    expect(screen.getByTestId(`person-row-${seed.linus}`)).toBeTruthy();

    await user.click(screen.getByTestId(`remove-member-${seed.linus}`));
    dialog = await screen.findByTestId('confirm-dialog');
    await user.click(within(dialog).getByTestId('confirm-ok'));
    await waitForCall(backend, 'member_remove');
    expect(backend.callsOf('member_remove')).toEqual([{ teamId: seed.teamId, userId: seed.linus }]);
    await waitFor(() => expect(screen.queryByTestId(`person-row-${seed.linus}`)).toBeNull());
    // Nobody removes themself from here.
    expect(screen.queryByTestId(`remove-member-${backend.me}`)).toBeNull();
  });

  it('creates, renames and removes departments, and places people in them', async () => {
    const { backend, user, seed } = renderTeam();
    await openPeople(user);
    expect(screen.getByTestId('departments-empty')).toBeTruthy();
    await user.click(screen.getByTestId('department-new'));
    await user.type(screen.getByTestId('department-name-input'), 'Research{Enter}');
    await waitForCall(backend, 'department_save');
    expect(backend.callsOf('department_save')).toEqual([{ teamId: seed.teamId, name: 'Research' }]);
    const dept = (await screen.findByText('Research', { selector: '.departments__name' })).closest('li') as HTMLElement;
    const deptId = dept.dataset.testid?.replace('department-', '') ?? '';

    await user.selectOptions(screen.getByTestId(`department-select-${seed.grace}`), deptId);
    await waitForCall(backend, 'placement_set');
    await user.selectOptions(screen.getByTestId(`reports-to-select-${seed.grace}`), seed.ada);
    await waitForCall(backend, 'placement_set', 2);
    expect(backend.callsOf('placement_set')).toEqual([
      { teamId: seed.teamId, userId: seed.grace, department: deptId, reportsTo: null },
      { teamId: seed.teamId, userId: seed.grace, department: deptId, reportsTo: seed.ada },
    ]);
    await waitFor(() => expect(within(screen.getByTestId(`department-${deptId}`)).getByText('1 person')).toBeTruthy());

    // A loop in the reporting line is refused with its code.
    await user.selectOptions(screen.getByTestId(`reports-to-select-${seed.ada}`), seed.grace);
    expect((await screen.findByTestId('error-toast')).dataset.code).toBe('invalid_input');
    await waitFor(() => expect((screen.getByTestId(`reports-to-select-${seed.ada}`) as HTMLSelectElement).value).toBe(''));

    await user.click(within(screen.getByTestId(`department-${deptId}`)).getByRole('button', { name: 'Rename Research' }));
    const rename = screen.getByTestId('department-rename-input');
    await user.clear(rename);
    await user.type(rename, 'User research{Enter}');
    await waitForCall(backend, 'department_save', 2);
    expect(backend.callsOf('department_save')[1]).toEqual({ teamId: seed.teamId, name: 'User research', departmentId: deptId });

    await user.click(await screen.findByTestId(`department-remove-${deptId}`));
    const dialog = await screen.findByTestId('confirm-dialog');
    expect(dialog.textContent).toContain('stays in the team, in no department');
    await user.click(within(dialog).getByTestId('confirm-ok'));
    await waitForCall(backend, 'department_remove');
    await waitFor(() => expect((screen.getByTestId(`department-select-${seed.grace}`) as HTMLSelectElement).value).toBe(''));
  });

  it('lets anyone edit their own title and skills, and nothing else', async () => {
    const { backend, user, seed } = renderTeam((b, s) => b.setRole(s.teamId, b.me, 'member'));
    await openPeople(user);
    expect(screen.queryByTestId(`role-select-${seed.grace}`)).toBeNull();
    expect(screen.queryByTestId(`department-select-${seed.grace}`)).toBeNull();
    expect(screen.queryByTestId(`remove-member-${seed.grace}`)).toBeNull();
    expect(screen.queryByTestId(`profile-edit-${seed.grace}`)).toBeNull();
    expect(screen.queryByTestId('invite-panel')).toBeNull();

    await user.click(screen.getByTestId(`profile-edit-${backend.me}`));
    await user.type(screen.getByTestId('profile-title'), 'Design lead');
    await user.type(screen.getByTestId('profile-skills'), 'Figma, facilitation, ');
    await user.click(screen.getByTestId('profile-save'));
    await waitForCall(backend, 'profile_set');
    expect(backend.callsOf('profile_set')).toEqual([
      { teamId: seed.teamId, userId: backend.me, title: 'Design lead', skills: ['Figma', 'facilitation'] },
    ]);
    await waitFor(() => expect(screen.getByTestId(`person-title-${backend.me}`).textContent).toBe('Design lead'));
    expect(screen.queryByTestId('profile-title')).toBeNull();
    expect(within(screen.getByTestId(`person-row-${backend.me}`)).getByRole('list', { name: 'Skills of Alex Rivera' }).textContent).toBe(
      'figmafacilitation',
    );
  });

  it('makes an invitation with a role, an expiry and a use limit, and shows its code and link to copy', async () => {
    const { backend, user, seed } = renderTeam((b, s) => b.signIn([s.teamId]));
    await openPeople(user);
    const panel = screen.getByTestId('invite-panel');
    expect(Array.from((within(panel).getByTestId('invitation-expiry') as HTMLSelectElement).options).map((o) => o.textContent)).toEqual([
      '1 hour',
      '1 day',
      '3 days',
      '1 week',
      '2 weeks',
      '30 days',
      '90 days',
    ]);
    await user.selectOptions(within(panel).getByTestId('invitation-role'), 'manager');
    await user.selectOptions(within(panel).getByTestId('invitation-expiry'), '720');
    await user.type(within(panel).getByTestId('invitation-max-uses'), '3');
    await user.click(within(panel).getByTestId('invitation-create'));
    await waitForCall(backend, 'invitation_create');
    expect(backend.callsOf('invitation_create')).toEqual([{ teamId: seed.teamId, role: 'manager', expiresInHours: 720, maxUses: 3 }]);

    const code = ((await within(panel).findByTestId('invitation-code')) as HTMLInputElement).value;
    expect(code).toMatch(/^tst_invite-\d+$/);
    expect((within(panel).getByTestId('invitation-link') as HTMLInputElement).value).toBe(`teamstead://join?code=${code}`);
    expect(within(panel).getByTestId('invitation-result').textContent).toContain('for 3 uses');
    await user.click(within(panel).getByTestId('invitation-link-copy'));
    await waitFor(() => expect(within(panel).getByTestId('invitation-link-copy').textContent).toContain('Copied'));
    expect(await navigator.clipboard.readText()).toBe(`teamstead://join?code=${code}`);
    await user.click(within(panel).getByTestId('invitation-code-copy'));
    expect(await navigator.clipboard.readText()).toBe(code);

    // Without a limit: any number of uses, and the default week is not sent.
    await user.clear(within(panel).getByTestId('invitation-max-uses'));
    await user.click(within(panel).getByTestId('invitation-create'));
    await waitForCall(backend, 'invitation_create', 2);
    expect(backend.callsOf('invitation_create')[1]).toEqual({ teamId: seed.teamId, role: 'manager', expiresInHours: 720 });
  });

  it('explains why invitations are off when this device is not on a relay', async () => {
    const { backend, user } = renderTeam();
    await openPeople(user);
    const panel = screen.getByTestId('invite-panel');
    expect(within(panel).getByTestId('invitation-unavailable').textContent).toContain('not signed in');
    expect(within(panel).getByTestId('invitation-create')).toHaveProperty('disabled', true);
    expect(backend.callsOf('invitation_create')).toEqual([]);
  });

  it('turns invitations off with an explanation when the relay answers offline, until asked to try again', async () => {
    const { backend, user } = renderTeam((b, s) => {
      b.signIn([s.teamId]);
      b.failNext('invitation_create', { code: 'offline', message: 'the relay cannot be reached' });
    });
    await openPeople(user);
    const panel = screen.getByTestId('invite-panel');
    expect(within(panel).queryByTestId('invitation-unavailable')).toBeNull();
    await user.click(within(panel).getByTestId('invitation-create'));
    expect((await within(panel).findByTestId('invitation-unavailable')).textContent).toContain('cannot be reached');
    expect(within(panel).getByTestId('invitation-create')).toHaveProperty('disabled', true);
    expect(screen.queryByTestId('error-toast')).toBeNull();
    await user.click(within(panel).getByRole('button', { name: 'Try again' }));
    await user.click(within(panel).getByTestId('invitation-create'));
    await within(panel).findByTestId('invitation-code');
    expect(backend.callsOf('invitation_create')).toHaveLength(2);
  });

  it('shows each member’s open tasks and assessments, the overdue ones in red', async () => {
    const { user, seed } = renderTeam((b, s) => {
      b.insertTask(s.boardId, { title: 'Late', assignee: s.grace, due: '2000-01-01' });
      b.insertTask(s.boardId, { title: 'Soon', assignee: s.grace, due: '2999-01-01' });
      b.insertTask(s.boardId, { title: 'Done', assignee: s.grace, status: 'done' });
      const x = b.assessments.addAssessment(s.teamId, { title: 'Skills', templateId: 'builtin:skills-self-assessment' });
      b.assessments.assignStored(x, [s.grace], '2000-01-01');
    });
    await openPeople(user);
    const grace = await screen.findByTestId(`workload-${seed.grace}`);
    await waitFor(() => expect(within(grace).getByTestId('workload-tasks').textContent).toBe('2 open, 1 overdue'));
    expect(within(grace).getByTestId('workload-assessments').textContent).toBe('1 open, 1 overdue');
    expect(grace.querySelectorAll('.workload__part--overdue')).toHaveLength(2);
    expect(within(screen.getByTestId(`workload-${seed.ada}`)).getByTestId('workload-tasks').textContent).toBe('0 open');
  });
});

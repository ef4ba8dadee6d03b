import { useCallback } from 'react';
import {
  api,
  type Account,
  type BillingView,
  type Department,
  type Identity,
  type Person,
  type Role,
  type SyncState,
  type TeamPeople,
  type TeamSummary,
} from '../../api';
import { canManage } from '../../lib/assessments';
import { limitReason } from '../../lib/billing';
import { explainError } from '../../lib/errorText';
import { useConfirm } from '../../state/confirm';
import { useToasts } from '../../state/toasts';
import { useAttempt } from '../../state/useAttempt';
import { useKindsChanged } from '../../state/useKindsChanged';
import { useResource } from '../../state/useResource';
import { Loading } from '../assessments/Loading';
import { ScreenHeader } from '../assessments/ScreenHeader';
import { DepartmentsPanel } from './DepartmentsPanel';
import { InvitePanel } from './InvitePanel';
import { MembersTable } from './MembersTable';
import type { MemberActions } from './MemberRow';
import { WorkloadPanel } from './WorkloadPanel';
import '../sheets.css';
import './PeopleView.css';
import { TimesheetExport } from './TimesheetExport';

interface PeopleViewProps {
  team: TeamSummary;
  me: Identity | undefined;
  account: Account | null | undefined;
  syncState: SyncState | undefined;
  /** Membership or roles changed: the team list and member list are stale. */
  onTeamChanged: () => void;
  /** The team's plan, for its member limit; undefined until read. */
  billing: BillingView | undefined;
  onOpenBilling: () => void;
  onBillingStale: () => void;
}

/** A team's people: roles, departments, reporting lines, skills, invitations and workload. */
export function PeopleView({ team, me, account, syncState, onTeamChanged, billing, onOpenBilling, onBillingStale }: PeopleViewProps) {
  const { showError, showInfo } = useToasts();
  const attempt = useAttempt();
  const confirm = useConfirm();
  const onError = useCallback((e: unknown) => showError(explainError(e)), [showError]);
  const people = useResource(`people:${team.id}`, () => api.peopleGet(team.id), onError);
  const workload = useResource(`workload:${team.id}`, () => api.workloadGet(team.id), onError);
  useKindsChanged(['team'], team.id, () => void people.reload());
  useKindsChanged(['team', 'board', 'assessment', 'response'], team.id, () => void workload.reload());

  const manager = canManage(team.role);
  const write = (change: () => Promise<TeamPeople>, done?: () => void) =>
    attempt(async () => {
      const next = await change();
      people.mutate(() => next);
      done?.();
      onTeamChanged();
      void workload.reload();
    }, people.reload);

  const actions: MemberActions = {
    setRole: async (p: Person, role: Role) => {
      if (p.userId === me?.userId && role !== p.role) {
        const ok = await confirm({
          title: `Make yourself ${role === 'viewer' ? 'a viewer' : `a ${role}`}?`,
          message: 'You may lose the right to change roles, including to undo this.',
          confirmLabel: 'Change my role',
          tone: 'danger',
        });
        if (!ok) return;
      }
      void write(() => api.memberSetRole(team.id, p.userId, role), () => showInfo(`${p.name} is now ${role === 'owner' ? 'an owner' : `a ${role}`}.`));
    },
    place: (p, department, reportsTo) => void write(() => api.placementSet(team.id, p.userId, department, reportsTo)),
    saveProfile: (p, title, skills) => write(() => api.profileSet(team.id, p.userId, title, skills)),
    remove: async (p: Person) => {
      const ok = await confirm({
        title: `Remove ${p.name} from ${team.name}?`,
        message: `${p.name} loses access to the team's boards, chat and assessments as soon as the relay has this change. Until it does (say, while this device is offline), they keep what they already have.`,
        confirmLabel: 'Remove from team',
        tone: 'danger',
      });
      if (ok) void write(() => api.memberRemove(team.id, p.userId), () => showInfo(`${p.name} was removed from ${team.name}.`));
    },
  };

  const removeDepartment = async (d: Department) => {
    const ok = await confirm({
      title: `Remove the department “${d.name}”?`,
      message: `Its ${d.members === 1 ? 'person stays' : `${d.members} people stay`} in the team, in no department.`,
      confirmLabel: 'Remove department',
      tone: 'danger',
    });
    if (ok) void write(() => api.departmentRemove(team.id, d.id));
  };

  const count = people.data?.people.length ?? team.memberCount;
  return (
    <section className="team-page people-view" data-testid="people-view" aria-label={`People in ${team.name}`}>
      <div className="team-page__inner">
        <ScreenHeader title="People" subtitle={`${team.name} · ${count} ${count === 1 ? 'member' : 'members'}`}>
          <TimesheetExport teamId={team.id} />
        </ScreenHeader>
        {!people.data ? (
          <Loading label="Loading the team's people" />
        ) : (
          <>
            <MembersTable data={people.data} me={me?.userId} myRole={team.role} actions={actions} />
            <div className="people-view__cards">
              {manager && (
                <InvitePanel
                  teamId={team.id}
                  teamName={team.name}
                  myRole={team.role}
                  account={account}
                  syncState={syncState}
                  limit={limitReason(billing, 'members')}
                  onOpenBilling={onOpenBilling}
                  onBillingStale={onBillingStale}
                />
              )}
              <DepartmentsPanel
                departments={people.data.departments}
                people={people.data.people}
                canEdit={manager}
                onSave={(name, id, lead) => write(() => api.departmentSave(team.id, name, id, lead))}
                onRemove={(d) => void removeDepartment(d)}
              />
              <WorkloadPanel workload={workload.data} />
            </div>
          </>
        )}
      </div>
    </section>
  );
}

import { useState } from 'react';
import type { Department, Person, Role } from '../../api';
import { Avatar } from '../Avatar';
import { PencilIcon, TrashIcon } from '../icons';
import { ProfileForm } from './ProfileForm';

export interface MemberActions {
  setRole: (person: Person, role: Role) => void;
  place: (person: Person, department: string | null, reportsTo: string | null) => void;
  saveProfile: (person: Person, title: string | null, skills: string[]) => Promise<boolean>;
  remove: (person: Person) => void;
}

interface MemberRowProps {
  person: Person;
  people: Person[];
  departments: Department[];
  me: string | undefined;
  myRole: Role;
  actions: MemberActions;
}

const ROLE_LABEL: Record<Role, string> = { owner: 'Owner', manager: 'Manager', member: 'Member', viewer: 'Viewer' };
const COLUMNS = 6;

/** One member: who they are, their role and place, their skills; what I may change of it. */
export function MemberRow({ person: p, people, departments, me, myRole, actions }: MemberRowProps) {
  const [editing, setEditing] = useState(false);
  const manager = myRole === 'owner' || myRole === 'manager';
  const self = p.userId === me;
  // Only owners make or unmake owners.
  const roleEditable = manager && (myRole === 'owner' || p.role !== 'owner');
  const roles: Role[] = myRole === 'owner' ? ['owner', 'manager', 'member', 'viewer'] : ['manager', 'member', 'viewer'];
  const department = departments.find((d) => d.id === p.department);
  const boss = people.find((x) => x.userId === p.reportsTo);

  return (
    <>
      <tr data-testid={`person-row-${p.userId}`} className={self ? 'is-me' : undefined}>
        <th scope="row">
          <span className="members-table__person">
          <Avatar id={p.userId} name={p.name} size="md" decorative />
          <span className="members-table__who">
            <span className="members-table__name">
              {p.name}
              {self && <span className="members-table__you"> (you)</span>}
            </span>
            <span className="members-table__title" data-testid={`person-title-${p.userId}`}>
              {p.title ?? 'No title yet'}
            </span>
          </span>
          </span>
        </th>
        <td>
          {roleEditable ? (
            <select
              className="select members-table__select"
              aria-label={`Role of ${p.name}`}
              data-testid={`role-select-${p.userId}`}
              value={p.role}
              onChange={(e) => actions.setRole(p, e.target.value as Role)}
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABEL[r]}
                </option>
              ))}
            </select>
          ) : (
            <span data-testid={`role-${p.userId}`}>{ROLE_LABEL[p.role]}</span>
          )}
        </td>
        <td>
          {manager ? (
            <select
              className="select members-table__select"
              aria-label={`Department of ${p.name}`}
              data-testid={`department-select-${p.userId}`}
              value={p.department ?? ''}
              onChange={(e) => actions.place(p, e.target.value || null, p.reportsTo)}
            >
              <option value="">No department</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          ) : (
            (department?.name ?? '–')
          )}
        </td>
        <td>
          {manager ? (
            <select
              className="select members-table__select"
              aria-label={`${p.name} reports to`}
              data-testid={`reports-to-select-${p.userId}`}
              value={p.reportsTo ?? ''}
              onChange={(e) => actions.place(p, p.department, e.target.value || null)}
            >
              <option value="">Nobody</option>
              {people
                .filter((x) => x.userId !== p.userId)
                .map((x) => (
                  <option key={x.userId} value={x.userId}>
                    {x.name}
                  </option>
                ))}
            </select>
          ) : (
            (boss?.name ?? '–')
          )}
        </td>
        <td>
          {p.skills.length === 0 ? (
            <span className="members-table__none">–</span>
          ) : (
            <ul className="members-table__skills" aria-label={`Skills of ${p.name}`}>
              {p.skills.map((s) => (
                <li key={s} className="members-table__skill">
                  {s}
                </li>
              ))}
            </ul>
          )}
        </td>
        <td className="members-table__actions">
          {(self || manager) && (
            <button
              type="button"
              className="icon-button"
              data-testid={`profile-edit-${p.userId}`}
              aria-label={self ? 'Edit your title and skills' : `Edit ${p.name}'s title and skills`}
              aria-expanded={editing}
              onClick={() => setEditing((open) => !open)}
            >
              <PencilIcon size={14} />
            </button>
          )}
          {manager && !self && (
            <button
              type="button"
              className="icon-button icon-button--danger"
              data-testid={`remove-member-${p.userId}`}
              aria-label={`Remove ${p.name} from the team`}
              title={`Remove ${p.name} from the team`}
              onClick={() => actions.remove(p)}
            >
              <TrashIcon size={14} />
            </button>
          )}
        </td>
      </tr>
      {editing && (
        <tr className="members-table__editor">
          <td colSpan={COLUMNS}>
            <ProfileForm person={p} onSave={(title, skills) => actions.saveProfile(p, title, skills)} onCancel={() => setEditing(false)} />
          </td>
        </tr>
      )}
    </>
  );
}

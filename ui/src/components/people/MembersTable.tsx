import type { Person, Role, TeamPeople } from '../../api';
import { MemberRow, type MemberActions } from './MemberRow';
import './MembersTable.css';

interface MembersTableProps {
  data: TeamPeople;
  me: string | undefined;
  myRole: Role;
  actions: MemberActions;
}

/** Everyone in the team, with role, title, department, reporting line and skills. */
export function MembersTable({ data, me, myRole, actions }: MembersTableProps) {
  return (
    <section className="sheet" aria-labelledby="members-title">
      <h3 id="members-title" className="sheet__title">
        Members
      </h3>
      <div className="table-scroll">
        <table className="data-table members-table" data-testid="members-table">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Role</th>
              <th scope="col">Department</th>
              <th scope="col">Reports to</th>
              <th scope="col">Skills</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.people.map((p: Person) => (
              <MemberRow key={p.userId} person={p} people={data.people} departments={data.departments} me={me} myRole={myRole} actions={actions} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

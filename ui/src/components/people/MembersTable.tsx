import type { Person, Role, TeamPeople } from '../../api';
import { Sheet } from '../Sheet';
import { TableHead } from '../TableHead';
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
    <Sheet titleId="members-title" title="Members">
      <div className="table-scroll">
        <table className="data-table members-table" data-testid="members-table">
          <TableHead columns={['Person', 'Role', 'Department', 'Reports to', 'Skills']} withActions />
          <tbody>
            {data.people.map((p: Person) => (
              <MemberRow key={p.userId} person={p} people={data.people} departments={data.departments} me={me} myRole={myRole} actions={actions} />
            ))}
          </tbody>
        </table>
      </div>
    </Sheet>
  );
}

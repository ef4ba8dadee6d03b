import type { Member } from '../api';
import { Avatar } from './Avatar';
import { CloseIcon } from './icons';
import './TaskDetails.css';

interface AssigneesEditorProps {
  /** The id of the Add select, which the row's label names. */
  id: string;
  assignees: string[];
  members: Member[];
  /** Saves the whole new list, in order: the first is the lead. */
  onChange: (assignees: string[]) => Promise<boolean>;
}

/** Everyone on the task, the first shown as its lead; add team members, remove them, or make one the lead. */
export function AssigneesEditor({ id, assignees, members, onChange }: AssigneesEditorProps) {
  const nameOf = (userId: string) => members.find((m) => m.userId === userId)?.name ?? 'Former member';
  const candidates = members.filter((m) => !assignees.includes(m.userId));

  return (
    <div className="assignees">
      {assignees.length > 0 && (
        <ul className="assignees__list">
          {assignees.map((userId, index) => {
            const name = nameOf(userId);
            const lead = index === 0 && assignees.length > 1;
            return (
              <li key={userId} className="assignee" data-testid="assignee">
                <Avatar id={userId} name={name} decorative />
                <span className="assignee__name">{name}</span>
                {lead && (
                  <span className="assignee__lead" data-testid="assignee-lead">
                    Lead
                  </span>
                )}
                {index > 0 && (
                  <button
                    type="button"
                    className="assignee__make-lead"
                    aria-label={`Make ${name} the lead`}
                    onClick={() => void onChange([userId, ...assignees.filter((a) => a !== userId)])}
                  >
                    Make lead
                  </button>
                )}
                <button
                  type="button"
                  className="icon-button icon-button--sm"
                  aria-label={`Remove ${name}`}
                  title={`Remove ${name}`}
                  onClick={() => void onChange(assignees.filter((a) => a !== userId))}
                >
                  <CloseIcon size={12} />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <select
        id={id}
        className="select assignees__add"
        data-testid="task-assignee-select"
        value=""
        disabled={candidates.length === 0}
        onChange={(event) => {
          if (event.target.value) void onChange([...assignees, event.target.value]);
        }}
      >
        <option value="">{assignees.length === 0 ? 'Unassigned: add someone…' : candidates.length ? 'Add someone…' : 'Everyone is on it'}</option>
        {candidates.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name}
          </option>
        ))}
      </select>
    </div>
  );
}

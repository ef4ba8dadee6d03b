import { useId, useState } from 'react';
import type { Member } from '../../api';
import { Avatar } from '../Avatar';

interface MemberPickerProps {
  members: Member[];
  selected: string[];
  onChange: (selected: string[]) => void;
  label: string;
}

/** Checkboxes of team members, with a filter once the list is long. */
export function MemberPicker({ members, selected, onChange, label }: MemberPickerProps) {
  const [filter, setFilter] = useState('');
  const labelId = useId();
  const q = filter.trim().toLowerCase();
  const shown = q ? members.filter((m) => m.name.toLowerCase().includes(q)) : members;
  const toggle = (userId: string) =>
    onChange(selected.includes(userId) ? selected.filter((id) => id !== userId) : [...selected, userId]);

  return (
    <fieldset className="member-picker" aria-labelledby={labelId}>
      <legend id={labelId} className="member-picker__label">
        {label}
      </legend>
      {members.length > 6 && (
        <input
          className="input member-picker__filter"
          type="search"
          placeholder="Find people"
          aria-label="Find people"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
      )}
      {members.length === 0 ? (
        <p className="member-picker__empty">Nobody else is in this team yet.</p>
      ) : (
        <ul className="member-picker__list">
          {shown.map((member) => (
            <li key={member.userId}>
              <label className="member-picker__option" data-testid="member-option">
                <input
                  type="checkbox"
                  checked={selected.includes(member.userId)}
                  onChange={() => toggle(member.userId)}
                />
                <Avatar id={member.userId} name={member.name} decorative />
                <span className="member-picker__name">{member.name}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

import { useId } from 'react';
import type { Member, Priority } from '../api';
import type { BoardFilter } from '../lib/boardFilter';
import { PRIORITIES, PRIORITY_LABEL } from '../lib/status';

interface FilterBarProps {
  filter: BoardFilter;
  onChange: (filter: BoardFilter) => void;
  members: Member[];
  me: string | undefined;
  /** The labels on the board's cards, to pick from. */
  labels: string[];
}

/** One control per TaskQuery field the board filters by; each change runs the query again. */
export function FilterBar({ filter, onChange, members, me, labels }: FilterBarProps) {
  const ids = { assignee: useId(), label: useId(), priority: useId(), due: useId() };
  const set = (patch: Partial<BoardFilter>) => onChange({ ...filter, ...patch });
  // A saved view may name a label no card carries right now: keep it pickable.
  const labelOptions = filter.label && !labels.includes(filter.label) ? [...labels, filter.label] : labels;

  return (
    <form className="filter-bar" role="search" aria-label="Filter tasks" onSubmit={(e) => e.preventDefault()}>
      <label className="visually-hidden" htmlFor={ids.assignee}>
        Assignee
      </label>
      <select
        id={ids.assignee}
        className="select filter-bar__select"
        data-testid="filter-assignee"
        value={filter.assignee ?? ''}
        onChange={(e) => set({ assignee: e.target.value || undefined })}
      >
        <option value="">Anyone</option>
        {members.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.userId === me ? `${m.name} (me)` : m.name}
          </option>
        ))}
        {filter.assignee && !members.some((m) => m.userId === filter.assignee) && (
          <option value={filter.assignee}>Former member</option>
        )}
      </select>

      <label className="visually-hidden" htmlFor={ids.label}>
        Label
      </label>
      <select
        id={ids.label}
        className="select filter-bar__select"
        data-testid="filter-label"
        value={filter.label ?? ''}
        onChange={(e) => set({ label: e.target.value || undefined })}
      >
        <option value="">Any label</option>
        {labelOptions.map((l) => (
          <option key={l} value={l}>
            {l}
          </option>
        ))}
      </select>

      <label className="visually-hidden" htmlFor={ids.priority}>
        Priority
      </label>
      <select
        id={ids.priority}
        className="select filter-bar__select"
        data-testid="filter-priority"
        value={filter.priority ?? ''}
        onChange={(e) => set({ priority: (e.target.value || undefined) as Priority | undefined })}
      >
        <option value="">Any priority</option>
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {PRIORITY_LABEL[p]}
          </option>
        ))}
      </select>

      <span className="filter-bar__due">
        <label htmlFor={ids.due}>Due by</label>
        <input
          id={ids.due}
          className="input filter-bar__date"
          type="date"
          data-testid="filter-due-before"
          value={filter.dueBefore ?? ''}
          onChange={(e) => set({ dueBefore: e.target.value || undefined })}
        />
      </span>

      <label className="check">
        <input
          type="checkbox"
          data-testid="filter-overdue"
          checked={filter.overdue === true}
          onChange={(e) => set({ overdue: e.target.checked || undefined })}
        />
        Overdue
      </label>
      <label className="check">
        <input
          type="checkbox"
          data-testid="filter-blocked"
          checked={filter.blocked === true}
          onChange={(e) => set({ blocked: e.target.checked || undefined })}
        />
        Blocked
      </label>
    </form>
  );
}

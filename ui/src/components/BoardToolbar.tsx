import type { Member, SavedView } from '../api';
import { isFilterActive, type BoardFilter } from '../lib/boardFilter';
import { tasksWord } from '../state/useBulkEdit';
import { FilterBar } from './FilterBar';
import { ViewsBar } from './ViewsBar';
import './BoardToolbar.css';

interface BoardToolbarProps {
  filter: BoardFilter;
  onFilterChange: (filter: BoardFilter) => void;
  /** Cards the filter lets through (undefined while it runs), and cards on the board. */
  shown: number | undefined;
  total: number;
  members: Member[];
  me: string | undefined;
  labels: string[];
  views: SavedView[];
  onSaveView: (name: string) => Promise<boolean>;
  onDeleteView: (view: SavedView) => Promise<boolean>;
  lanes: boolean;
  onLanesChange: (on: boolean) => void;
}

/** Above the columns: views, the filter, what it shows (with Clear), and swimlanes. */
export function BoardToolbar({
  filter,
  onFilterChange,
  shown,
  total,
  members,
  me,
  labels,
  views,
  onSaveView,
  onDeleteView,
  lanes,
  onLanesChange,
}: BoardToolbarProps) {
  const active = isFilterActive(filter);
  return (
    <div className={`board-toolbar${active ? ' is-filtered' : ''}`} data-testid="board-toolbar">
      <div className="board-toolbar__row">
        <ViewsBar filter={filter} onApply={onFilterChange} me={me} views={views} onSave={onSaveView} onDelete={onDeleteView} />
        <button
          type="button"
          className="view-chip board-toolbar__lanes"
          data-testid="lanes-toggle"
          aria-pressed={lanes}
          onClick={() => onLanesChange(!lanes)}
        >
          Swimlanes by assignee
        </button>
      </div>
      <div className="board-toolbar__row">
        <FilterBar filter={filter} onChange={onFilterChange} members={members} me={me} labels={labels} />
        {active && (
          <p className="board-toolbar__status" role="status" data-testid="filter-status">
            <span className="board-toolbar__badge">Filtered</span>
            {shown === undefined ? 'Filtering…' : `Showing ${shown} of ${tasksWord(total)}`}
            <button type="button" className="button button--ghost" data-testid="filter-clear" onClick={() => onFilterChange({})}>
              Clear
            </button>
          </p>
        )}
      </div>
    </div>
  );
}

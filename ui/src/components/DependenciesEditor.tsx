import type { ReactNode } from 'react';
import type { AppError, BoardSummary, TaskDetail, TaskLink, TaskSummary } from '../api';
import { STATUS_LABEL } from '../lib/status';
import { CloseIcon } from './icons';
import { StatusDot } from './StatusDot';
import './TaskDetails.css';

interface DependenciesEditorProps {
  task: TaskDetail;
  /** Tasks of every board of the team, to pick from; undefined while they load. */
  teamTasks: TaskSummary[] | undefined;
  /** The team's boards, to name the ones the candidates are on. */
  boards: BoardSummary[];
  /** Why the last dependency was refused, shown under the picker. */
  error: AppError | null;
  onAdd: (dependsOn: string) => void;
  onRemove: (dependsOn: string) => void;
  onOpenTask: (taskId: string, boardId: string) => void;
}

/** What the task waits on (from any board of the team), what waits on it, and a picker to add more. */
export function DependenciesEditor({ task, teamTasks, boards, error, onAdd, onRemove, onOpenTask }: DependenciesEditorProps) {
  const { blockedBy, dependencies, dependents } = task;
  return (
    <div className="deps">
      {blockedBy.length > 0 && (
        <p className="deps__note">
          Blocked by {blockedBy.length} unfinished {blockedBy.length === 1 ? 'task' : 'tasks'}.
        </p>
      )}
      {dependencies.length > 0 && (
        <ul className="deps__list">
          {dependencies.map((link) => (
            <LinkRow key={link.taskId} link={link} testId="dependency-item" onOpen={onOpenTask}>
              <button
                type="button"
                className="icon-button icon-button--sm"
                aria-label={`Remove dependency on ${link.title}`}
                title="Remove dependency"
                onClick={() => onRemove(link.taskId)}
              >
                <CloseIcon size={12} />
              </button>
            </LinkRow>
          ))}
        </ul>
      )}
      <DependencyPicker task={task} teamTasks={teamTasks} boards={boards} onAdd={onAdd} />
      {error && (
        <div className="deps__error" role="alert" data-testid="dependency-error" data-code={error.code}>
          <strong>
            {error.code === 'dependency_cycle' ? 'Not added: tasks cannot wait on each other in a loop.' : 'Not added.'}
          </strong>{' '}
          {error.message}
        </div>
      )}
      {dependents.length > 0 && (
        <>
          <h4 className="deps__subtitle">Blocks</h4>
          <ul className="deps__list" data-testid="dependents">
            {dependents.map((link) => (
              <LinkRow key={link.taskId} link={link} testId="dependent-item" onOpen={onOpenTask} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

interface LinkRowProps {
  link: TaskLink;
  testId: string;
  onOpen: (taskId: string, boardId: string) => void;
  children?: ReactNode;
}

/** Another task: its status, its title (which opens it, on its own board) and the board it is on. */
function LinkRow({ link, testId, onOpen, children }: LinkRowProps) {
  return (
    <li className={`deps__item${link.status === 'done' ? ' is-done' : ''}`} data-testid={testId}>
      <StatusDot status={link.status} />
      <button type="button" className="deps__title" title={STATUS_LABEL[link.status]} onClick={() => onOpen(link.taskId, link.boardId)}>
        {link.title}
      </button>
      <span className="deps__board" data-testid="link-board">
        {link.boardName}
      </span>
      {children}
    </li>
  );
}

interface PickerProps {
  task: TaskDetail;
  teamTasks: TaskSummary[] | undefined;
  boards: BoardSummary[];
  onAdd: (dependsOn: string) => void;
}

/** Tasks of the team this one could depend on, grouped by board, this board first. */
function DependencyPicker({ task, teamTasks, boards, onAdd }: PickerProps) {
  const candidates = (teamTasks ?? []).filter((t) => t.id !== task.id && !task.dependsOn.includes(t.id));
  const order = [...boards].sort((a, b) => Number(b.id === task.boardId) - Number(a.id === task.boardId) || a.name.localeCompare(b.name));
  const groups = order
    .map((board) => ({ board, tasks: candidates.filter((t) => t.boardId === board.id).sort((a, b) => a.title.localeCompare(b.title)) }))
    .filter((g) => g.tasks.length > 0);
  const placeholder = teamTasks === undefined ? 'Loading the team’s tasks…' : candidates.length ? 'Add a task this depends on…' : 'No other tasks in this team';

  return (
    <select
      className="select deps__add"
      aria-label="Add a dependency"
      data-testid="dependency-select"
      value=""
      disabled={candidates.length === 0}
      onChange={(event) => {
        if (event.target.value) onAdd(event.target.value);
      }}
    >
      <option value="">{placeholder}</option>
      {groups.map(({ board, tasks }) => (
        <optgroup key={board.id} label={board.name}>
          {tasks.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

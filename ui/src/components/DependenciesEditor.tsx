import type { TaskSummary } from '../api';
import { STATUS_LABEL } from '../lib/status';
import { CloseIcon } from './icons';
import { StatusDot } from './StatusDot';

interface DependenciesEditorProps {
  taskId: string;
  dependsOn: string[];
  blockedBy: string[];
  boardTasks: TaskSummary[];
  onAdd: (dependsOn: string) => void;
  onRemove: (dependsOn: string) => void;
  onOpenTask: (taskId: string) => void;
}

export function DependenciesEditor({
  taskId,
  dependsOn,
  blockedBy,
  boardTasks,
  onAdd,
  onRemove,
  onOpenTask,
}: DependenciesEditorProps) {
  const byId = new Map(boardTasks.map((t) => [t.id, t]));
  const candidates = boardTasks
    .filter((t) => t.id !== taskId && !dependsOn.includes(t.id))
    .sort((a, b) => a.title.localeCompare(b.title));

  return (
    <div className="deps">
      {blockedBy.length > 0 && (
        <p className="deps__note">
          Blocked by {blockedBy.length} unfinished {blockedBy.length === 1 ? 'task' : 'tasks'}.
        </p>
      )}
      {dependsOn.length > 0 && (
        <ul className="deps__list">
          {dependsOn.map((id) => {
            const dep = byId.get(id);
            const title = dep?.title ?? 'Unknown task';
            return (
              <li key={id} className={`deps__item${dep?.status === 'done' ? ' is-done' : ''}`} data-testid="dependency-item">
                {dep && <StatusDot status={dep.status} />}
                <button
                  type="button"
                  className="deps__title"
                  onClick={() => onOpenTask(id)}
                  disabled={!dep}
                  title={dep ? STATUS_LABEL[dep.status] : undefined}
                >
                  {title}
                </button>
                <button
                  type="button"
                  className="icon-button icon-button--sm"
                  aria-label={`Remove dependency on ${title}`}
                  title="Remove dependency"
                  onClick={() => onRemove(id)}
                >
                  <CloseIcon size={12} />
                </button>
              </li>
            );
          })}
        </ul>
      )}
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
        <option value="">{candidates.length ? 'Add a task this depends on…' : 'No other tasks on this board'}</option>
        {candidates.map((t) => (
          <option key={t.id} value={t.id}>
            {t.title}
          </option>
        ))}
      </select>
    </div>
  );
}

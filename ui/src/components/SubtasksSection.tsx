import { api, type TaskDetail, type TaskSummary } from '../api';
import { STATUS_LABEL } from '../lib/status';
import type { TaskActions } from '../state/useTaskActions';
import { AddLineForm } from './AddLineForm';
import { StatusDot } from './StatusDot';
import './TaskDetails.css';

interface SubtasksSectionProps {
  task: TaskDetail;
  boardTasks: TaskSummary[];
  actions: TaskActions;
  onOpenTask: (taskId: string) => void;
}

/**
 * A task's place in its board's one level of subtasks: a subtask names its
 * parent (and can leave it); any other task lists its subtasks, makes new ones,
 * and while it has none can become a subtask itself.
 */
export function SubtasksSection({ task, boardTasks, actions, onOpenTask }: SubtasksSectionProps) {
  if (task.parentId !== null) return <ParentLine task={task} boardTasks={boardTasks} actions={actions} onOpenTask={onOpenTask} />;
  return (
    <div className="subtasks" data-testid="subtasks">
      {task.subtasks.length > 0 && (
        <>
          <p className="subtasks__count" data-testid="subtasks-progress">
            {task.subtasks.filter((s) => s.status === 'done').length} of {task.subtasks.length} done
          </p>
          <ul className="deps__list">
            {task.subtasks.map((sub) => (
              <li key={sub.taskId} className={`deps__item${sub.status === 'done' ? ' is-done' : ''}`} data-testid="subtask">
                <StatusDot status={sub.status} />
                <button type="button" className="deps__title" onClick={() => onOpenTask(sub.taskId)}>
                  {sub.title}
                </button>
                <span className="deps__status">{STATUS_LABEL[sub.status]}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <NewSubtask task={task} actions={actions} />
      {task.subtasks.length === 0 && <ParentPicker task={task} boardTasks={boardTasks} actions={actions} />}
    </div>
  );
}

function NewSubtask({ task, actions }: { task: TaskDetail; actions: TaskActions }) {
  const create = async (value: string) => {
    const created = await actions.write(() => api.taskCreate(task.boardId, value, { parentId: task.id }));
    if (!created) return false;
    // The parent's list of subtasks (and its card's count) come with a re-read.
    void actions.refresh();
    return true;
  };

  return (
    <AddLineForm
      placeholder="Add a subtask…"
      label="New subtask title"
      inputTestId="subtask-input"
      submitTestId="subtask-add"
      onAdd={create}
    />
  );
}

/** Makes this task a subtask of another task of the board that is not a subtask itself. */
function ParentPicker({ task, boardTasks, actions }: { task: TaskDetail; boardTasks: TaskSummary[]; actions: TaskActions }) {
  const candidates = boardTasks
    .filter((t) => t.id !== task.id && t.parentId === null)
    .sort((a, b) => a.title.localeCompare(b.title));
  if (candidates.length === 0) return null;
  return (
    <select
      className="select deps__add"
      aria-label="Make this a subtask of"
      data-testid="parent-select"
      value=""
      onChange={async (event) => {
        const parentId = event.target.value;
        if (!parentId) return;
        if (await actions.write(() => api.taskUpdate(task.boardId, task.id, { parentId }))) void actions.refresh();
      }}
    >
      <option value="">Make this a subtask of…</option>
      {candidates.map((t) => (
        <option key={t.id} value={t.id}>
          {t.title}
        </option>
      ))}
    </select>
  );
}

function ParentLine({ task, boardTasks, actions, onOpenTask }: SubtasksSectionProps) {
  const parent = boardTasks.find((t) => t.id === task.parentId);
  return (
    <div className="subtasks" data-testid="subtasks">
      <p className="subtasks__parent" data-testid="subtask-parent">
        A subtask of{' '}
        {parent ? (
          <button type="button" className="link-button" onClick={() => onOpenTask(parent.id)}>
            {parent.title}
          </button>
        ) : (
          'a task not loaded yet'
        )}
        .
      </p>
      <button
        type="button"
        className="button"
        data-testid="parent-clear"
        onClick={async () => {
          if (await actions.write(() => api.taskUpdate(task.boardId, task.id, { parentId: null }))) void actions.refresh();
        }}
      >
        Make it a task of its own
      </button>
    </div>
  );
}

import { useEffect, useId, useLayoutEffect, useRef } from 'react';
import type { BoardSummary, Member, Priority, TaskDetail, TaskSummary } from '../api';
import { formatFull, relativeTime } from '../lib/dates';
import { PRIORITIES, PRIORITY_LABEL } from '../lib/status';
import { useConfirm } from '../state/confirm';
import { useDraft } from '../state/useDraft';
import type { TaskActions } from '../state/useTaskActions';
import { ActivitySection } from './ActivitySection';
import { AssigneesEditor } from './AssigneesEditor';
import { ChecklistSection } from './ChecklistSection';
import { ColumnSelect } from './ColumnSelect';
import { CommentsSection } from './CommentsSection';
import { DependenciesSection } from './DependenciesSection';
import { EstimateField } from './EstimateField';
import { CloseIcon, TrashIcon } from './icons';
import { LabelsEditor } from './LabelsEditor';
import { SubtasksSection } from './SubtasksSection';
import { TaskDates } from './TaskDates';
import { TimeSection } from './TimeSection';
import './TaskPanel.css';

/** Pause in typing after which the description is saved. */
export const DESCRIPTION_SAVE_DELAY_MS = 700;

interface TaskPanelProps {
  /** The board's team, whose time entries the Time section reads. */
  teamId: string;
  /** My user id. */
  me: string | undefined;
  task: TaskDetail | undefined;
  boardTasks: TaskSummary[];
  /** The team's boards, naming where linked tasks live. */
  boards: BoardSummary[];
  members: Member[];
  actions: TaskActions;
  onClose: () => void;
  /** Opens another task; `boardId` when it may be on another board of the team. */
  onOpenTask: (taskId: string, boardId?: string) => void;
}

export function TaskPanel({ teamId, me, task, boardTasks, boards, members, actions, onClose, onOpenTask }: TaskPanelProps) {
  const headingId = useId();
  const panelRef = useRef<HTMLElement>(null);

  useEffect(() => {
    // Move focus into the panel so Tab continues from here and Escape reaches it.
    panelRef.current?.focus({ preventScroll: true });
  }, []);

  return (
    <aside
      ref={panelRef}
      className="panel"
      data-testid="task-panel"
      aria-labelledby={headingId}
      tabIndex={-1}
    >
      <div className="panel__bar">
        <span className="panel__kicker" id={headingId}>
          Task details
        </span>
        {task && <DeleteButton task={task} actions={actions} onDeleted={onClose} />}
        <button type="button" className="icon-button" aria-label="Close task panel" title="Close (Esc)" onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      {task ? (
        <TaskEditor
          teamId={teamId}
          me={me}
          task={task}
          boardTasks={boardTasks}
          boards={boards}
          members={members}
          actions={actions}
          onOpenTask={onOpenTask}
        />
      ) : (
        <div className="panel__loading" aria-busy="true">
          <span className="skeleton skeleton--title" />
          <span className="skeleton" />
          <span className="skeleton" />
        </div>
      )}
    </aside>
  );
}

function DeleteButton({ task, actions, onDeleted }: { task: TaskDetail; actions: TaskActions; onDeleted: () => void }) {
  const confirm = useConfirm();
  return (
    <button
      type="button"
      className="icon-button icon-button--danger"
      data-testid="task-delete"
      aria-label="Delete task"
      title="Delete task"
      onClick={async () => {
        const ok = await confirm({
          title: 'Delete this task?',
          message: `“${task.title}” and its comments will be deleted. This can’t be undone.`,
          confirmLabel: 'Delete task',
          tone: 'danger',
        });
        if (ok && (await actions.remove(task.id))) onDeleted();
      }}
    >
      <TrashIcon />
    </button>
  );
}

interface TaskEditorProps {
  teamId: string;
  me: string | undefined;
  task: TaskDetail;
  boardTasks: TaskSummary[];
  boards: BoardSummary[];
  members: Member[];
  actions: TaskActions;
  onOpenTask: (taskId: string, boardId?: string) => void;
}

function TaskEditor({ teamId, me, task, boardTasks, boards, members, actions, onOpenTask }: TaskEditorProps) {
  const ids = {
    column: useId(),
    assignee: useId(),
    priority: useId(),
    estimate: useId(),
    description: useId(),
  };
  const creator = members.find((m) => m.userId === task.createdBy);

  return (
    <div className="panel__body">
      <TitleField task={task} actions={actions} />

      <dl className="props">
        <div className="props__row">
          <dt>
            <label htmlFor={ids.column}>Column</label>
          </dt>
          <dd>
            <ColumnSelect id={ids.column} task={task} actions={actions} />
          </dd>
        </div>

        <div className="props__row">
          <dt>
            <label htmlFor={ids.assignee}>Assignees</label>
          </dt>
          <dd>
            <AssigneesEditor
              id={ids.assignee}
              assignees={task.assignees}
              members={members}
              onChange={(assignees) => actions.update(task.id, { assignees })}
            />
          </dd>
        </div>

        <div className="props__row">
          <dt>
            <label htmlFor={ids.priority}>Priority</label>
          </dt>
          <dd>
            <select
              id={ids.priority}
              className="select"
              data-testid="task-priority-select"
              value={task.priority}
              onChange={(event) => void actions.update(task.id, { priority: event.target.value as Priority })}
            >
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {PRIORITY_LABEL[p]}
                </option>
              ))}
            </select>
          </dd>
        </div>

        <TaskDates task={task} actions={actions} />

        <div className="props__row">
          <dt>
            <label htmlFor={ids.estimate}>Estimate</label>
          </dt>
          <dd>
            <EstimateField id={ids.estimate} task={task} actions={actions} />
          </dd>
        </div>

        <div className="props__row">
          <dt>Labels</dt>
          <dd>
            <LabelsEditor labels={task.labels} onChange={(labels) => actions.update(task.id, { labels })} />
          </dd>
        </div>
      </dl>

      <section className="panel__section">
        <h3 className="panel__section-title">
          <label htmlFor={ids.description}>Description</label>
        </h3>
        <DescriptionField id={ids.description} task={task} actions={actions} />
      </section>

      <section className="panel__section" aria-label="Checklist">
        <h3 className="panel__section-title">Checklist</h3>
        <ChecklistSection task={task} actions={actions} />
      </section>

      <section className="panel__section" aria-label={task.parentId ? 'Parent task' : 'Subtasks'}>
        <h3 className="panel__section-title">
          {task.parentId ? 'Parent task' : 'Subtasks'}
          {task.subtasks.length > 0 && <span className="panel__count">{task.subtasks.length}</span>}
        </h3>
        <SubtasksSection task={task} boardTasks={boardTasks} actions={actions} onOpenTask={onOpenTask} />
      </section>

      <section className="panel__section" aria-label="Dependencies">
        <h3 className="panel__section-title">Depends on</h3>
        <DependenciesSection teamId={teamId} task={task} boards={boards} actions={actions} onOpenTask={onOpenTask} />
      </section>

      <section className="panel__section" aria-label="Time">
        <h3 className="panel__section-title">Time</h3>
        <TimeSection
          teamId={teamId}
          boardId={task.boardId}
          taskId={task.id}
          me={me}
          members={members}
          estimateMinutes={task.estimateMinutes}
        />
      </section>

      <section className="panel__section" aria-label="Comments">
        <h3 className="panel__section-title">
          Comments{task.comments.length > 0 && <span className="panel__count">{task.comments.length}</span>}
        </h3>
        <CommentsSection comments={task.comments} onSubmit={(body) => actions.comment(task.id, body)} />
      </section>

      <section className="panel__section" aria-label="Activity">
        <h3 className="panel__section-title">Activity</h3>
        <ActivitySection task={task} actions={actions} />
      </section>

      <p className="panel__meta">
        Created by {creator?.name ?? 'a former member'}{' '}
        <time title={formatFull(task.createdAt)}>{relativeTime(task.createdAt)}</time> · Updated{' '}
        <time title={formatFull(task.updatedAt)}>{relativeTime(task.updatedAt)}</time>
      </p>
    </div>
  );
}

function TitleField({ task, actions }: { task: TaskDetail; actions: TaskActions }) {
  const { draft, setDraft, editing, serverRef, onKeyDown } = useDraft(task.title);
  const ref = useRef<HTMLTextAreaElement>(null);

  // Long titles wrap instead of scrolling sideways: grow to fit the text.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight}px`;
  }, [draft]);

  const save = async () => {
    editing.current = false;
    // A title cannot be empty. Leaving the field blank keeps the saved title
    // (shown as the placeholder) instead of raising an error, so "clear, then
    // type the new title" works however the field was cleared.
    if (draft === serverRef.current || draft.trim() === '') return;
    // On failure the backend's value comes back, never a half-saved title.
    if (!(await actions.update(task.id, { title: draft }))) setDraft(serverRef.current);
  };

  return (
    <textarea
      ref={ref}
      className="panel__title"
      data-testid="task-title-input"
      aria-label="Task title"
      rows={1}
      value={draft}
      placeholder={task.title}
      onFocus={() => {
        editing.current = true;
      }}
      onChange={(event) => setDraft(event.target.value.replace(/\n/g, ' '))}
      onBlur={() => void save()}
      onKeyDown={onKeyDown}
    />
  );
}

function DescriptionField({ id, task, actions }: { id: string; task: TaskDetail; actions: TaskActions }) {
  const { draft, setDraft, editing, serverRef } = useDraft(task.description);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSent = useRef(task.description);
  const latest = useRef({ draft, taskId: task.id, update: actions.update });
  latest.current = { draft, taskId: task.id, update: actions.update };

  const save = async (value: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (value === lastSent.current) return;
    lastSent.current = value;
    const ok = await latest.current.update(latest.current.taskId, { description: value });
    if (!ok) {
      lastSent.current = serverRef.current;
      if (!editing.current) setDraft(serverRef.current);
    }
  };

  useEffect(() => {
    if (!editing.current) lastSent.current = task.description;
  }, [task.description, editing]);

  // Closing the panel mid-sentence still keeps the text.
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        const { draft: value, taskId, update } = latest.current;
        if (value !== lastSent.current) void update(taskId, { description: value });
      }
    },
    [],
  );

  return (
    <textarea
      id={id}
      className="textarea panel__description"
      data-testid="task-description-input"
      rows={5}
      value={draft}
      placeholder="Add a description…"
      onFocus={() => {
        editing.current = true;
      }}
      onChange={(event) => {
        const value = event.target.value;
        setDraft(value);
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => void save(value), DESCRIPTION_SAVE_DELAY_MS);
      }}
      onBlur={() => {
        editing.current = false;
        void save(draft);
      }}
    />
  );
}

import { useEffect, useRef, useState } from 'react';
import { api, type ActivityEntry, type TaskDetail } from '../api';
import { formatFull, relativeTime } from '../lib/dates';
import { useConfirm } from '../state/confirm';
import { useAttempt } from '../state/useAttempt';
import { useNow } from '../state/useNow';
import { useResource } from '../state/useResource';
import { useToasts } from '../state/toasts';
import type { TaskActions } from '../state/useTaskActions';
import { Avatar } from './Avatar';
import './TaskDetails.css';

/** How many changes show before "Show all". */
const FIRST_SHOWN = 10;

const FIELD_WORDS: Record<string, string> = {
  title: 'the title',
  description: 'the description',
  column: 'the column',
  status: 'the status',
  assignees: 'the assignees',
  start: 'the start date',
  due: 'the due date',
  estimate: 'the estimate',
  priority: 'the priority',
  labels: 'the labels',
  dependencies: 'the dependencies',
  checklist: 'the checklist',
  comments: 'the comments',
  time: 'the time entries',
  parent: 'the parent task',
};

/** "created the task", or "changed the title and the due date". */
export function describeChange(fields: string[]): string {
  if (fields.includes('created')) return 'created the task';
  const words = fields.map((f) => FIELD_WORDS[f] ?? f);
  if (words.length === 0) return 'changed the task';
  const list = words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
  return `changed ${list}`;
}

interface ActivitySectionProps {
  task: TaskDetail;
  actions: TaskActions;
}

/** Who changed the task, when, and what; a past description can be read and put back. */
export function ActivitySection({ task, actions }: ActivitySectionProps) {
  const { showError } = useToasts();
  const { boardId, id: taskId } = task;
  const history = useResource(`history:${boardId}:${taskId}`, () => api.taskHistory(boardId, taskId), showError);
  const { reload } = history;
  const [all, setAll] = useState(false);
  const now = useNow();

  // Every change to the task is a new entry.
  const seen = useRef(task.updatedAt);
  useEffect(() => {
    if (seen.current === task.updatedAt) return;
    seen.current = task.updatedAt;
    void reload();
  }, [task.updatedAt, reload]);

  const entries = history.data ?? [];
  const shown = all ? entries : entries.slice(0, FIRST_SHOWN);
  // The newest description change is the text there now: nothing to put back.
  const current = entries.find((e) => e.fields.includes('description'))?.hash;

  if (history.data === undefined) return <p className="comments__empty">Loading the history…</p>;
  if (entries.length === 0) return <p className="comments__empty">No changes recorded yet.</p>;
  return (
    <div className="activity">
      <ol className="activity__list">
        {shown.map((entry) => (
          <ActivityRow key={entry.hash} entry={entry} task={task} actions={actions} now={now} restorable={entry.hash !== current} />
        ))}
      </ol>
      {!all && entries.length > FIRST_SHOWN && (
        <button type="button" className="button button--ghost" data-testid="activity-all" onClick={() => setAll(true)}>
          Show all {entries.length} changes
        </button>
      )}
    </div>
  );
}

interface ActivityRowProps {
  entry: ActivityEntry;
  task: TaskDetail;
  actions: TaskActions;
  now: number;
  /** An older description, which Restore can put back. */
  restorable: boolean;
}

function ActivityRow({ entry, task, actions, now, restorable }: ActivityRowProps) {
  const confirm = useConfirm();
  const attempt = useAttempt();
  const [old, setOld] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const { boardId, id: taskId } = task;
  const touchedDescription = entry.fields.includes('description');

  const view = async () => {
    if (open) {
      setOpen(false);
      return;
    }
    if (old === null && !(await attempt(async () => setOld(await api.taskDescriptionAt(boardId, taskId, entry.hash))))) return;
    setOpen(true);
  };

  const restore = async () => {
    const ok = await confirm({
      title: 'Restore this description?',
      message: `The description goes back to the text it had after this change (${formatFull(entry.at)}). What it says now stays in the history.`,
      confirmLabel: 'Restore',
    });
    if (ok) await actions.write(() => api.taskDescriptionRestore(boardId, taskId, entry.hash));
  };

  return (
    <li className="activity__entry" data-testid="activity-entry">
      <Avatar id={entry.userId ?? entry.name} name={entry.name} decorative />
      <div className="activity__main">
        <p className="activity__line">
          <span className="activity__who">{entry.name}</span> {describeChange(entry.fields)}{' '}
          <time className="activity__when" dateTime={new Date(entry.at).toISOString()} title={formatFull(entry.at)}>
            {relativeTime(entry.at, now)}
          </time>
        </p>
        {touchedDescription && (
          <div className="activity__actions">
            <button type="button" className="link-button" data-testid="activity-view" aria-expanded={open} onClick={() => void view()}>
              {open ? 'Hide' : 'View'} description
            </button>
            {restorable && (
              <button type="button" className="link-button" data-testid="activity-restore" onClick={() => void restore()}>
                Restore
              </button>
            )}
          </div>
        )}
        {open && old !== null && (
          <pre className="activity__old" data-testid="activity-description">
            {old === '' ? <em>(empty)</em> : old}
          </pre>
        )}
      </div>
    </li>
  );
}

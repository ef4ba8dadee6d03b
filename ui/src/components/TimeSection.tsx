import { useCallback, useState } from 'react';
import { api, type Member, type TimeEntry } from '../api';
import { formatFull } from '../lib/dates';
import { formatClock, formatDuration } from '../lib/durations';
import { useConfirm } from '../state/confirm';
import { useTimer } from '../state/timer';
import { useAttempt } from '../state/useAttempt';
import { useDocChanged } from '../state/useDocChanged';
import { useNow } from '../state/useNow';
import { useResource } from '../state/useResource';
import { useToasts } from '../state/toasts';
import { TimeEntryForm } from './TimeEntryForm';
import { TrashIcon } from './icons';
import './TimeSection.css';

interface TimeSectionProps {
  teamId: string;
  boardId: string;
  taskId: string;
  /** My user id: only my own entries can be deleted. */
  me: string | undefined;
  members: Member[];
  /** What the task should take; the time logged is shown against it. */
  estimateMinutes?: number | null;
}

/** Every entry of the team's (time_entries reads by team and start time); far enough ahead for a clock set wrong. */
const ALL_TIME = { from: 0, ahead: 366 * 86_400_000 };

/** A task's time: my timer on it, everyone's entries, and adding one by hand. */
export function TimeSection({ teamId, boardId, taskId, me, members, estimateMinutes = null }: TimeSectionProps) {
  const { showError } = useToasts();
  const attempt = useAttempt();
  const confirm = useConfirm();
  const timer = useTimer();
  const now = useNow(1000);
  const [adding, setAdding] = useState(false);
  const entries = useResource(
    `time:${teamId}:${taskId}`,
    async () => (await api.timeEntries(teamId, ALL_TIME.from, Date.now() + ALL_TIME.ahead)).filter((e) => e.taskId === taskId),
    showError,
  );
  const { reload } = entries;
  useDocChanged((changes) => {
    if (changes.some((c) => c.kind === 'board')) void reload();
  });

  const mine = timer.running?.taskId === taskId && timer.running.boardId === boardId ? timer.running : null;
  const nameOf = useCallback((userId: string) => members.find((m) => m.userId === userId)?.name ?? 'A former member', [members]);

  const toggle = async () => {
    if (mine) await timer.stop();
    else await timer.start(boardId, taskId);
    void reload();
  };

  const remove = async (entry: TimeEntry) => {
    const ok = await confirm({
      title: 'Delete this time entry?',
      message: `${formatDuration(entry.durationMs)} from ${formatFull(entry.startedAt)} will be deleted.`,
      confirmLabel: 'Delete entry',
      tone: 'danger',
    });
    if (!ok) return;
    if (await attempt(() => api.timeEntryDelete(entry.id), reload)) {
      entries.mutate((list) => list.filter((e) => e.id !== entry.id));
      void timer.reload();
    }
  };

  const list = entries.data ?? [];
  const total = list.reduce((sum, e) => sum + (e.endedAt === null ? Math.max(e.durationMs, now - e.startedAt) : e.durationMs), 0);

  return (
    <div className="time" data-testid="time-section">
      <div className="time__bar">
        {mine ? (
          <button type="button" className="button button--primary" data-testid="timer-stop" onClick={() => void toggle()}>
            Stop <span className="time__clock" data-testid="timer-elapsed">{formatClock(Math.max(mine.durationMs, now - mine.startedAt))}</span>
          </button>
        ) : (
          <button type="button" className="button" data-testid="timer-start" onClick={() => void toggle()}>
            Start timer
          </button>
        )}
        {!adding && (
          <button type="button" className="button" data-testid="time-add-open" onClick={() => setAdding(true)}>
            Add time
          </button>
        )}
        {estimateMinutes !== null ? (
          <span className={`time__total${total > estimateMinutes * 60_000 ? ' is-over' : ''}`} data-testid="time-total">
            {list.length > 0 ? formatDuration(total) : 'Nothing'} logged of {formatDuration(estimateMinutes * 60_000)} estimated
          </span>
        ) : (
          list.length > 0 && (
            <span className="time__total" data-testid="time-total">
              {formatDuration(total)} in all
            </span>
          )
        )}
      </div>
      {adding && (
        <TimeEntryForm
          boardId={boardId}
          taskId={taskId}
          onCancel={() => setAdding(false)}
          onAdded={(entry) => {
            setAdding(false);
            entries.mutate((list) => [...list, entry]);
            void reload();
          }}
        />
      )}
      {list.length > 0 && (
        <ul className="time__entries" data-testid="time-entries">
          {list.map((entry) => (
            <li key={entry.id} className="time__entry" data-testid="time-entry">
              <span className="time__who">{nameOf(entry.userId)}</span>
              <time className="time__when" title={formatFull(entry.startedAt)}>
                {formatFull(entry.startedAt)}
              </time>
              <span className="time__duration">
                {entry.endedAt === null ? `${formatClock(Math.max(entry.durationMs, now - entry.startedAt))} running` : formatDuration(entry.durationMs)}
              </span>
              {entry.note && <span className="time__note">{entry.note}</span>}
              {entry.userId === me && entry.endedAt !== null && (
                <button
                  type="button"
                  className="icon-button icon-button--sm icon-button--danger time__delete"
                  aria-label="Delete time entry"
                  title="Delete time entry"
                  data-testid="time-entry-delete"
                  onClick={() => void remove(entry)}
                >
                  <TrashIcon size={12} />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

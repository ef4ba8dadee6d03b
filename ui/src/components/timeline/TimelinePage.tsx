import { useId, useMemo, useState } from 'react';
import type { BoardSummary, TaskSummary } from '../../api';
import { todayIso } from '../../lib/dates';
import { dependencyLinks, splitByDates, type Dated } from '../../lib/timeline';
import { EmptyNote } from '../EmptyNote';
import { StatusDot } from '../StatusDot';
import { TimelineChart } from './TimelineChart';
import '../sheets.css';
import './Timeline.css';

interface TimelinePageProps {
  board: BoardSummary;
  /** The board's tasks; undefined while they load. */
  tasks: TaskSummary[] | undefined;
  /** Saves a task's new dates; resolves true when they were saved. */
  onReschedule: (taskId: string, dates: Dated) => Promise<boolean>;
  onOpenTask: (taskId: string) => void;
  onOpenBoard: () => void;
}

/** A board's tasks on a calendar: dated ones as bars that can be dragged, the others listed aside. */
export function TimelinePage({ board, tasks, onReschedule, onOpenTask, onOpenBoard }: TimelinePageProps) {
  const undatedId = useId();
  // Dates being saved: the bars stay where they were put until the core answers.
  const [pending, setPending] = useState<ReadonlyMap<string, Dated>>(new Map());
  const shown = useMemo(
    () => (tasks ?? []).map((t) => {
      const dates = pending.get(t.id);
      return dates ? { ...t, ...dates } : t;
    }),
    [tasks, pending],
  );
  const { dated, undated } = useMemo(() => splitByDates(shown), [shown]);
  // Arrows for every dependency between dated tasks of this board (what dependsOn names, done or not).
  const links = useMemo(() => dependencyLinks(dated), [dated]);

  const save = async (taskId: string, dates: Dated) => {
    setPending((p) => new Map(p).set(taskId, dates));
    await onReschedule(taskId, dates);
    setPending((p) => {
      if (p.get(taskId) !== dates) return p;
      const next = new Map(p);
      next.delete(taskId);
      return next;
    });
  };

  return (
    <div className="team-page timeline-page" data-testid="timeline-page">
      <div className="timeline-page__inner">
        <header className="timeline-page__header">
          <div>
            <h2 className="timeline-page__title">Timeline</h2>
            {tasks && (
              <p className="sheet__hint" data-testid="timeline-counts">
                {dated.length} {dated.length === 1 ? 'task' : 'tasks'} with dates · {undated.length} without
              </p>
            )}
          </div>
          <button type="button" className="button" data-testid="timeline-open-board" onClick={onOpenBoard}>
            Open {board.name} as a board
          </button>
        </header>
        <div className="timeline-page__body">
          <div className="timeline-page__main">
            {tasks === undefined ? (
              <div className="timeline-page__loading" aria-busy="true">
                <span className="skeleton" />
                <span className="skeleton" />
              </div>
            ) : dated.length === 0 ? (
              <EmptyNote title="Nothing is scheduled yet." testId="timeline-empty">
                Give tasks a start or due date in the task panel, and they show here as bars.
              </EmptyNote>
            ) : (
              <TimelineChart tasks={dated} links={links} today={todayIso()} onSave={(id, dates) => void save(id, dates)} onOpenTask={onOpenTask} />
            )}
          </div>
          {undated.length > 0 && (
            <aside className="timeline-page__undated" aria-labelledby={undatedId}>
              <h3 id={undatedId} className="section-label">
                Without dates
              </h3>
              <ul data-testid="timeline-undated">
                {undated.map((t) => (
                  <li key={t.id} className="timeline__name">
                    <StatusDot status={t.status} />
                    <button type="button" className="timeline__name-button" data-testid="timeline-undated-task" onClick={() => onOpenTask(t.id)}>
                      {t.title}
                    </button>
                  </li>
                ))}
              </ul>
            </aside>
          )}
        </div>
      </div>
    </div>
  );
}

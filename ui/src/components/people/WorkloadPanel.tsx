import type { Workload } from '../../api';
import { Loading } from '../assessments/Loading';
import { Sheet } from '../Sheet';
import './WorkloadPanel.css';

/** Per member, open tasks and open assessments as small bars; the overdue part in red. */
export function WorkloadPanel({ workload }: { workload: Workload[] | undefined }) {
  const top = Math.max(1, ...(workload ?? []).flatMap((w) => [w.openTasks, w.openAssessments]));
  return (
    <Sheet titleId="workload-title" title="Workload" className="workload" testId="workload-panel">
      {workload === undefined ? (
        <Loading label="Loading the workload" lines={2} />
      ) : workload.length === 0 ? (
        <p className="sheet__hint">Nobody here yet.</p>
      ) : (
        <ul className="workload__list">
          {workload.map((w) => (
            <li key={w.userId} className="workload__item" data-testid={`workload-${w.userId}`}>
              <span className="workload__name">{w.name}</span>
              <LoadBar what="tasks" open={w.openTasks} overdue={w.overdueTasks} top={top} />
              <LoadBar what="assessments" open={w.openAssessments} overdue={w.overdueAssessments} top={top} />
            </li>
          ))}
        </ul>
      )}
    </Sheet>
  );
}

function LoadBar({ what, open, overdue, top }: { what: string; open: number; overdue: number; top: number }) {
  const onTime = Math.max(0, open - overdue);
  return (
    <span className="workload__row">
      <span className="workload__label">{what === 'tasks' ? 'Tasks' : 'Assessments'}</span>
      <span className="workload__bar" aria-hidden="true">
        <span className="workload__part" style={{ width: `${(onTime / top) * 100}%` }} />
        <span className="workload__part workload__part--overdue" style={{ width: `${(overdue / top) * 100}%` }} />
      </span>
      <span className="workload__count" data-testid={`workload-${what}`}>
        {open} open
        {overdue > 0 && <span className="workload__overdue">, {overdue} overdue</span>}
      </span>
    </span>
  );
}

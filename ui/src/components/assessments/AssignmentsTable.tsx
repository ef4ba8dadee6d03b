import type { AssignmentView } from '../../api';
import { awaitsAssignee, formatScore, shownScore } from '../../lib/assessments';
import { formatDue } from '../../lib/dates';
import { Sheet } from '../Sheet';
import { TableHead } from '../TableHead';
import { DueEditor } from './DueEditor';
import { OverdueBadge } from './DueLabel';
import { ProgressPill } from './ProgressPill';
import './AssignmentsTable.css';

interface AssignmentsTableProps {
  assignments: AssignmentView[];
  /** Only the assessment's owner nudges and reviews. */
  canAct: boolean;
  reviewing: string | null;
  onNudge: (assignment: AssignmentView) => void;
  onReview: (userId: string) => void;
  /** Moves one person's due date (or takes it away); resolves true when saved. Only with `canAct`. */
  onSetDue?: (assignment: AssignmentView, due: string | null) => Promise<boolean>;
}

/** One row per assignee: due, progress, round, score, and what to do next. */
export function AssignmentsTable({ assignments, canAct, reviewing, onNudge, onReview, onSetDue }: AssignmentsTableProps) {
  return (
    <Sheet titleId="assignments-title" title="Assignments">
      {assignments.length === 0 ? (
        <p className="sheet__hint" data-testid="assignments-empty">
          Nobody is assigned yet. Pick people or a department above, and a due date.
        </p>
      ) : (
        <table className="data-table assignments-table" data-testid="assignments-table">
          <TableHead columns={['Person', 'Due', 'Progress', 'Round', 'Score']} withActions />
          <tbody>
            {assignments.map((a) => (
              <tr
                key={a.userId}
                data-testid={`assignment-row-${a.userId}`}
                className={`${a.overdue ? 'is-overdue' : ''}${reviewing === a.userId ? ' is-reviewing' : ''}`}
              >
                <th scope="row" className="assignments-table__name">
                  {a.name}
                </th>
                <td data-testid={`assignment-due-${a.userId}`}>
                  {canAct && onSetDue ? (
                    <DueEditor assignment={a} onSave={(due) => onSetDue(a, due)} />
                  ) : (
                    <>
                      {a.due ? formatDue(a.due) : '–'} {a.overdue && <OverdueBadge />}
                    </>
                  )}
                </td>
                <td>
                  <ProgressPill progress={a.progress} testId={`assignment-progress-${a.userId}`} />
                </td>
                <td className="assignments-table__number">{a.round}</td>
                <td className="assignments-table__number" data-testid={`assignment-score-${a.userId}`}>
                  {formatScore(shownScore(a))}
                </td>
                <td>
                  <div className="assignments-table__actions">
                  {canAct && awaitsAssignee(a.progress) && (
                    <button
                      type="button"
                      className="button button--ghost"
                      data-testid={`nudge-${a.userId}`}
                      aria-label={`Nudge ${a.name}`}
                      title={a.nudges > 0 ? `Nudged ${a.nudges} ${a.nudges === 1 ? 'time' : 'times'}` : undefined}
                      onClick={() => onNudge(a)}
                    >
                      Nudge{a.nudges > 0 && <span className="assignments-table__nudges"> ({a.nudges})</span>}
                    </button>
                  )}
                  {canAct && (a.progress === 'submitted' || a.progress === 'approved') && (
                    <button
                      type="button"
                      className={`button${a.progress === 'submitted' ? ' button--primary' : ''}`}
                      data-testid={`review-${a.userId}`}
                      aria-label={a.progress === 'submitted' ? `Review ${a.name}'s answers` : `Reviews of ${a.name}'s answers`}
                      aria-expanded={reviewing === a.userId}
                      onClick={() => onReview(a.userId)}
                    >
                      {a.progress === 'submitted' ? 'Review' : 'Reviews'}
                    </button>
                  )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Sheet>
  );
}

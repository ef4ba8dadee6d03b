import type { AssessmentSummary } from '../../api';
import { EmptyNote } from '../EmptyNote';
import { Sheet } from '../Sheet';
import { Loading } from './Loading';
import { Meter } from './Meter';
import './AssessmentList.css';

interface AssessmentListProps {
  items: AssessmentSummary[] | undefined;
  onOpen: (id: string) => void;
  onNew: () => void;
}

/** The team's assessments, newest first, with how far each has come. */
export function AssessmentList({ items, onOpen, onNew }: AssessmentListProps) {
  return (
    <Sheet titleId="team-assessments-title" title="Team assessments" testId="assessment-list">
      {items === undefined ? (
        <Loading label="Loading the team's assessments" />
      ) : items.length === 0 ? (
        <EmptyNote title="No assessments yet" testId="assessments-empty" action={{ label: 'New assessment', onClick: onNew }}>
          Start one from a template, or write your own questions, then choose who answers it.
        </EmptyNote>
      ) : (
        <ul className="assessment-list">
          {items.map((a) => (
            <li key={a.id}>
              <button type="button" className="assessment-item" data-testid={`assessment-item-${a.id}`} onClick={() => onOpen(a.id)}>
                <span className="assessment-item__head">
                  <span className="assessment-item__title">{a.title}</span>
                  <span className="assessment-item__run">Run {a.run}</span>
                </span>
                <span className="assessment-item__counts">
                  <span>{a.assigned} assigned</span>
                  <span>{a.submitted} submitted</span>
                  <span>{a.approved} approved</span>
                  {a.overdue > 0 && <span className="assessment-item__overdue">{a.overdue} overdue</span>}
                </span>
                <Meter
                  value={a.submitted}
                  max={a.assigned}
                  label={`${a.title}: ${a.submitted} of ${a.assigned} submitted`}
                  tone={a.assigned > 0 && a.approved === a.assigned ? 'done' : 'accent'}
                />
              </button>
            </li>
          ))}
        </ul>
      )}
    </Sheet>
  );
}

import type { InboxItem } from '../../api';
import { awaitsAssignee } from '../../lib/assessments';
import { Sheet } from '../Sheet';
import { DueLabel } from './DueLabel';
import { Loading } from './Loading';
import { ProgressPill } from './ProgressPill';
import './Inbox.css';

interface InboxProps {
  /** Undefined while loading. */
  items: InboxItem[] | undefined;
  onOpen: (assessmentId: string) => void;
}

/** My assessments in this team: what waits on me first, then what I finished. */
export function Inbox({ items, onOpen }: InboxProps) {
  const waiting = (items ?? []).filter((i) => awaitsAssignee(i.progress));
  const finished = (items ?? []).filter((i) => !awaitsAssignee(i.progress));
  return (
    <Sheet titleId="inbox-title" title="Waiting on you" className="inbox" testId="assessment-inbox">
      {items === undefined ? (
        <Loading label="Loading your assessments" lines={2} />
      ) : waiting.length === 0 ? (
        <p className="sheet__hint" data-testid="inbox-empty">
          Nothing waits on you. When a manager asks you to fill in an assessment, it shows up here.
        </p>
      ) : (
        <InboxList items={waiting} onOpen={onOpen} label="Waiting on you" />
      )}
      {finished.length > 0 && (
        <>
          <h3 className="section-label inbox__subtitle">Finished</h3>
          <InboxList items={finished} onOpen={onOpen} label="Finished" />
        </>
      )}
    </Sheet>
  );
}

function InboxList({ items, onOpen, label }: { items: InboxItem[]; onOpen: (id: string) => void; label: string }) {
  return (
    <ul className="item-list" aria-label={label}>
      {items.map((item) => (
        <li key={item.assessmentId}>
          <button
            type="button"
            className={`item-list__item${item.overdue ? ' is-overdue' : ''}`}
            data-testid={`inbox-item-${item.assessmentId}`}
            onClick={() => onOpen(item.assessmentId)}
          >
            <span className="item-list__title">{item.title}</span>
            <span className="item-list__meta">
              <ProgressPill progress={item.progress} />
              {item.round > 1 && <span>Round {item.round}</span>}
              {awaitsAssignee(item.progress) && item.answered > 0 && (
                <span>
                  {item.answered} {item.answered === 1 ? 'answer' : 'answers'} saved
                </span>
              )}
              {awaitsAssignee(item.progress) && <DueLabel due={item.due} overdue={item.overdue} />}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

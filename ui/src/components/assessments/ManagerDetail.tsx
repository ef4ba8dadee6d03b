import { useState } from 'react';
import { api, type AssessmentDetail, type Assignees, type AssignmentView, type TeamSummary } from '../../api';
import { formatDue } from '../../lib/dates';
import { explainError } from '../../lib/errorText';
import type { AssessmentRoute } from '../../state/pages';
import { useToasts } from '../../state/toasts';
import { useAttempt } from '../../state/useAttempt';
import { useKindsChanged } from '../../state/useKindsChanged';
import { useResource } from '../../state/useResource';
import { AssignForm } from './AssignForm';
import { AssignmentsTable } from './AssignmentsTable';
import { QuestionsPreview } from './QuestionsPreview';
import { ReviewPanel } from './ReviewPanel';
import { RunAgainForm } from './RunAgainForm';
import { ScreenHeader } from './ScreenHeader';

interface ManagerDetailProps {
  detail: AssessmentDetail;
  team: TeamSummary;
  onBack: () => void;
  /** A write answered with the assessment as it now stands. */
  onChanged: (detail: AssessmentDetail) => void;
  reload: () => Promise<void>;
  onNavigate: (route: AssessmentRoute) => void;
}

/** The manager's view of one assessment: delegate it, follow it, review it, run it again. */
export function ManagerDetail({ detail, team, onBack, onChanged, reload, onNavigate }: ManagerDetailProps) {
  const { showError, showInfo } = useToasts();
  const attempt = useAttempt();
  const [reviewing, setReviewing] = useState<string | null>(null);
  const people = useResource(`people:${team.id}`, () => api.peopleGet(team.id), (e) => showError(explainError(e)));
  useKindsChanged(['team'], team.id, () => void people.reload());

  const canAct = detail.isOwner;
  const reviewed = detail.assignments.find((a) => a.userId === reviewing);

  const assign = (to: Assignees, due: string | undefined) =>
    attempt(async () => {
      const next = await api.assessmentAssign(detail.id, to, due);
      onChanged(next);
      const added = next.assignments.length - detail.assignments.length;
      showInfo(added > 0 ? `Assigned to ${added} more ${added === 1 ? 'person' : 'people'}.` : 'Everyone picked already had it.');
    }, reload);

  const nudge = (a: AssignmentView) =>
    void attempt(async () => {
      await api.assessmentNudge(detail.id, a.userId);
      showInfo(`${a.name} gets a reminder.`);
      void reload();
    }, reload);

  const setDue = (a: AssignmentView, due: string | null) =>
    attempt(async () => {
      const next = await api.assessmentSetDue(detail.id, a.userId, due);
      onChanged(next);
      showInfo(due ? `${a.name} is now due ${formatDue(due)}.` : `${a.name} has no due date now.`);
    }, reload);

  const runAgain = (due: string | undefined) =>
    attempt(async () => {
      const next = await api.assessmentRunAgain(detail.id, due);
      showInfo(`Run ${next.run} started.`);
      onNavigate({ screen: 'detail', id: next.id });
    }, reload);

  return (
    <div data-testid="assessment-detail" data-assessment-id={detail.id}>
      <ScreenHeader
        title={detail.title}
        titleTestId="assessment-heading"
        subtitle={
          <>
            Run {detail.run}
            {detail.description && <> · {detail.description}</>}
          </>
        }
        onBack={onBack}
      >
        {detail.myResponse && (
          <button type="button" className="button" onClick={() => onNavigate({ screen: 'respond', id: detail.id })}>
            Your own answers
          </button>
        )}
        <button
          type="button"
          className="button button--primary"
          data-testid="assessment-results-open"
          onClick={() => onNavigate({ screen: 'results', id: detail.id })}
        >
          Results
        </button>
      </ScreenHeader>
      {!canAct && (
        <p className="sheet__hint" data-testid="not-owner-note" style={{ marginBottom: 'var(--space-4)' }}>
          Only the person who created this assessment assigns and reviews it; you can follow it and see its results.
        </p>
      )}
      {canAct && (
        <AssignForm
          people={people.data?.people}
          departments={people.data?.departments ?? []}
          assigned={detail.assignments.map((a) => a.userId)}
          onAssign={assign}
        />
      )}
      <AssignmentsTable
        assignments={detail.assignments}
        canAct={canAct}
        reviewing={reviewing}
        onNudge={nudge}
        onReview={(userId) => setReviewing((current) => (current === userId ? null : userId))}
        onSetDue={setDue}
      />
      {reviewed && (
        <ReviewPanel
          key={`${reviewed.userId}:${reviewed.round}:${reviewed.progress}`}
          assessmentId={detail.id}
          sections={detail.sections}
          assignment={reviewed}
          onReviewed={(next) => {
            onChanged(next);
            showInfo('Review saved.');
          }}
          onClose={() => setReviewing(null)}
          reload={reload}
        />
      )}
      <QuestionsPreview sections={detail.sections} />
      {canAct && detail.assignments.length > 0 && (
        <RunAgainForm run={detail.run} assignedCount={detail.assignments.length} onRun={runAgain} />
      )}
    </div>
  );
}

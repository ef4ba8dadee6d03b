import { useToasts } from '../../state/toasts';
import type { InboxItem, TeamSummary } from '../../api';
import { api } from '../../api';
import { canManage } from '../../lib/assessments';
import { explainError } from '../../lib/errorText';
import type { AssessmentRoute } from '../../state/pages';
import { ASSESSMENT_KINDS, useKindsChanged } from '../../state/useKindsChanged';
import { useResource } from '../../state/useResource';
import { AssessmentList } from './AssessmentList';
import { Inbox } from './Inbox';
import { ScreenHeader } from './ScreenHeader';

interface AssessmentsHomeProps {
  team: TeamSummary;
  inbox: InboxItem[] | undefined;
  onNavigate: (route: AssessmentRoute) => void;
}

/** What waits on me in this team; for managers, the team's assessments too. */
export function AssessmentsHome({ team, inbox, onNavigate }: AssessmentsHomeProps) {
  const { showError } = useToasts();
  const manager = canManage(team.role);
  const list = useResource(
    manager ? `assessments:${team.id}` : null,
    () => api.assessmentList(team.id),
    (e) => showError(explainError(e)),
  );
  useKindsChanged(ASSESSMENT_KINDS, team.id, () => void list.reload());

  return (
    <>
      <ScreenHeader title="Assessments" subtitle={team.name}>
        {manager && (
          <>
            <button type="button" className="button" data-testid="templates-open" onClick={() => onNavigate({ screen: 'templates' })}>
              Templates
            </button>
            <button
              type="button"
              className="button button--primary"
              data-testid="assessment-new"
              onClick={() => onNavigate({ screen: 'create' })}
            >
              New assessment
            </button>
          </>
        )}
      </ScreenHeader>
      <Inbox items={inbox} onOpen={(id) => onNavigate({ screen: 'respond', id })} />
      {manager && (
        <AssessmentList
          items={list.data}
          onOpen={(id) => onNavigate({ screen: 'detail', id })}
          onNew={() => onNavigate({ screen: 'create' })}
        />
      )}
    </>
  );
}

import { useCallback } from 'react';
import type { AssessmentDetail, Identity, TeamSummary } from '../../api';
import { ASSESSMENTS_HOME, type AssessmentRoute } from '../../state/pages';
import { useAssessment } from '../../state/useAssessment';
import { Loading } from './Loading';
import { ManagerDetail } from './ManagerDetail';
import { ResponseWizard } from './ResponseWizard';
import { ScreenHeader } from './ScreenHeader';

interface AssessmentScreenProps {
  assessmentId: string;
  /** 'respond': my own response; 'detail': the manager's view. */
  mode: 'detail' | 'respond';
  team: TeamSummary;
  me: Identity | undefined;
  onNavigate: (route: AssessmentRoute) => void;
  onInboxStale: () => void;
}

/** Loads one assessment and shows my response to it, or the manager's view of it. */
export function AssessmentScreen({ assessmentId, mode, team, me, onNavigate, onInboxStale }: AssessmentScreenProps) {
  const home = useCallback(() => onNavigate(ASSESSMENTS_HOME), [onNavigate]);
  const detail = useAssessment(assessmentId, team.id, home);
  const { mutate } = detail;
  const apply = useCallback((next: AssessmentDetail) => mutate(() => next), [mutate]);

  if (!detail.data) {
    return (
      <>
        <ScreenHeader title="Assessment" onBack={home} />
        <Loading label="Loading the assessment" />
      </>
    );
  }
  const d = detail.data;
  if (mode === 'respond' && d.myResponse) {
    return (
      <ResponseWizard
        detail={d}
        me={me}
        onBack={home}
        onChanged={(next) => {
          apply(next);
          onInboxStale();
        }}
        onManage={d.isOwner ? () => onNavigate({ screen: 'detail', id: d.id }) : undefined}
      />
    );
  }
  return (
    <ManagerDetail
      detail={d}
      team={team}
      onBack={home}
      onChanged={apply}
      reload={detail.reload}
      onNavigate={onNavigate}
    />
  );
}

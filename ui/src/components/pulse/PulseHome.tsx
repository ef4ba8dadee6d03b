import type { PulseView, TeamSummary } from '../../api';
import { canManage } from '../../lib/assessments';
import type { PulseRoute } from '../../state/pages';
import { Loading } from '../assessments/Loading';
import { ScreenHeader } from '../assessments/ScreenHeader';
import { ManagedSurveys } from './ManagedSurveys';
import { MySurveys } from './MySurveys';
import { ThresholdPanel } from './ThresholdPanel';
import type { TeamThreshold } from './useTeamThreshold';

interface PulseHomeProps {
  team: TeamSummary;
  surveys: PulseView[] | undefined;
  threshold: TeamThreshold;
  onNavigate: (route: PulseRoute) => void;
}

/** What waits on me in this team's surveys; for managers, the surveys they run and the anonymity threshold. */
export function PulseHome({ team, surveys, threshold, onNavigate }: PulseHomeProps) {
  const manager = canManage(team.role);
  return (
    <>
      <ScreenHeader title="Pulse" subtitle={`${team.name} · short anonymous surveys, asked again every week, fortnight or month`}>
        {manager && (
          <button type="button" className="button button--primary" data-testid="pulse-new" onClick={() => onNavigate({ screen: 'create' })}>
            New survey
          </button>
        )}
      </ScreenHeader>
      {surveys === undefined ? (
        <Loading label="Loading the team's surveys" />
      ) : (
        <>
          <MySurveys surveys={surveys} manager={manager} teamName={team.name} onOpen={(id) => onNavigate({ screen: 'survey', id })} />
          {manager && (
            <ManagedSurveys
              surveys={surveys}
              onNew={() => onNavigate({ screen: 'create' })}
              onResults={(id) => onNavigate({ screen: 'results', id })}
              onEdit={(id) => onNavigate({ screen: 'edit', id })}
            />
          )}
          {manager && <ThresholdPanel teamId={team.id} threshold={threshold} />}
        </>
      )}
    </>
  );
}

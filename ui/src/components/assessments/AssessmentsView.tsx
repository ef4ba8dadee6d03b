import { useCallback } from 'react';
import type { Identity, InboxItem, TeamSummary } from '../../api';
import { ASSESSMENTS_HOME, type AssessmentRoute } from '../../state/pages';
import { AssessmentScreen } from './AssessmentScreen';
import { AssessmentsHome } from './AssessmentsHome';
import { CreateAssessment } from './CreateAssessment';
import { ResultsView } from './ResultsView';
import { TemplatesScreen } from './TemplatesScreen';
import '../sheets.css';
import './AssessmentsView.css';

interface AssessmentsViewProps {
  team: TeamSummary;
  me: Identity | undefined;
  route: AssessmentRoute;
  onNavigate: (route: AssessmentRoute) => void;
  /** This team's part of my inbox; undefined while it loads. */
  inbox: InboxItem[] | undefined;
  /** My inbox may have changed (I answered or submitted). */
  onInboxStale: () => void;
}

/** A team's assessments: what waits on me, and for managers the team's own. */
export function AssessmentsView({ team, me, route, onNavigate, inbox, onInboxStale }: AssessmentsViewProps) {
  const home = useCallback(() => onNavigate(ASSESSMENTS_HOME), [onNavigate]);
  let screen;
  switch (route.screen) {
    case 'home':
      screen = <AssessmentsHome team={team} inbox={inbox} onNavigate={onNavigate} />;
      break;
    case 'create':
      screen = (
        <CreateAssessment
          teamId={team.id}
          onCreated={(id) => onNavigate({ screen: 'detail', id })}
          onCancel={home}
          onTemplates={() => onNavigate({ screen: 'templates' })}
        />
      );
      break;
    case 'templates':
      screen = <TemplatesScreen teamId={team.id} onBack={home} />;
      break;
    case 'results':
      screen = (
        <ResultsView
          key={route.id}
          assessmentId={route.id}
          teamId={team.id}
          onBack={() => onNavigate({ screen: 'detail', id: route.id })}
        />
      );
      break;
    default:
      screen = (
        <AssessmentScreen
          key={route.id}
          assessmentId={route.id}
          mode={route.screen}
          team={team}
          me={me}
          onNavigate={onNavigate}
          onInboxStale={onInboxStale}
        />
      );
  }
  return (
    <section className="team-page assessments" data-testid="assessments-view" data-screen={route.screen} aria-label={`Assessments in ${team.name}`}>
      <div className="team-page__inner">{screen}</div>
    </section>
  );
}

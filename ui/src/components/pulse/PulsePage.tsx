import { useCallback } from 'react';
import type { PulseView, TeamSummary } from '../../api';
import { canManage } from '../../lib/assessments';
import { PULSE_HOME, type PulseRoute } from '../../state/pages';
import { Loading } from '../assessments/Loading';
import { ScreenHeader } from '../assessments/ScreenHeader';
import { EmptyNote } from '../EmptyNote';
import { PulseEditor } from './PulseEditor';
import { PulseHome } from './PulseHome';
import { PulseResultsScreen } from './PulseResultsScreen';
import { PulseSurveyScreen } from './PulseSurveyScreen';
import { useTeamThreshold } from './useTeamThreshold';
import '../sheets.css';
import './PulsePage.css';

interface PulsePageProps {
  team: TeamSummary;
  route: PulseRoute;
  onNavigate: (route: PulseRoute) => void;
  /** This team's surveys; undefined while they load. */
  surveys: PulseView[] | undefined;
  /** A write answered with the survey as it now stands. */
  onSurveyChanged: (survey: PulseView) => void;
  /** The surveys may have changed (a write was refused): read them again. */
  onSurveysStale: () => void;
}

/** A team's pulse surveys: answering them, and for managers running them and reading their figures. */
export function PulsePage({ team, route, onNavigate, surveys, onSurveyChanged, onSurveysStale }: PulsePageProps) {
  const home = useCallback(() => onNavigate(PULSE_HOME), [onNavigate]);
  const manager = canManage(team.role);
  const threshold = useTeamThreshold(team.id, manager, surveys);
  const survey = 'id' in route ? surveys?.find((s) => s.id === route.id) : undefined;

  let screen;
  if (route.screen === 'home') {
    screen = <PulseHome team={team} surveys={surveys} threshold={threshold} onNavigate={onNavigate} />;
  } else if (route.screen === 'create') {
    screen = (
      <PulseEditor
        teamId={team.id}
        onSaved={(saved) => {
          onSurveyChanged(saved);
          onNavigate({ screen: 'survey', id: saved.id });
        }}
        onCancel={home}
      />
    );
  } else if (surveys === undefined) {
    screen = (
      <>
        <ScreenHeader title="Survey" onBack={home} backLabel="All surveys" />
        <Loading label="Loading the survey" />
      </>
    );
  } else if (!survey) {
    screen = (
      <>
        <ScreenHeader title="Survey" onBack={home} backLabel="All surveys" />
        <EmptyNote title="This survey is not here" testId="pulse-missing">
          It may not have arrived from the relay yet. Go back to the team’s surveys and try again in a moment.
        </EmptyNote>
      </>
    );
  } else if (route.screen === 'edit') {
    screen = (
      <PulseEditor
        key={survey.id}
        teamId={team.id}
        survey={survey}
        onSaved={(saved) => {
          onSurveyChanged(saved);
          onNavigate({ screen: 'survey', id: saved.id });
        }}
        onCancel={() => onNavigate({ screen: 'survey', id: survey.id })}
        onRefused={onSurveysStale}
      />
    );
  } else if (route.screen === 'results') {
    screen = manager ? (
      <PulseResultsScreen key={survey.id} teamId={team.id} survey={survey} onBack={() => onNavigate({ screen: 'survey', id: survey.id })} />
    ) : (
      <>
        <ScreenHeader title={survey.title} onBack={home} backLabel="All surveys" />
        <EmptyNote title="Only managers see a survey’s figures" testId="pulse-results-managers-only">
          And only as totals, once enough people have answered. Your own answer stays anonymous.
        </EmptyNote>
      </>
    );
  } else {
    screen = (
      <PulseSurveyScreen
        key={survey.id}
        teamId={team.id}
        survey={survey}
        manager={manager}
        threshold={threshold.value}
        onBack={home}
        onNavigate={onNavigate}
        onAnswered={onSurveyChanged}
        onStale={onSurveysStale}
      />
    );
  }

  return (
    <section className="team-page pulse-page" data-testid="pulse-page" data-screen={route.screen} aria-label={`Pulse surveys in ${team.name}`}>
      <div className="team-page__inner">{screen}</div>
    </section>
  );
}

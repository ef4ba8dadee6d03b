import { ClipboardIcon, PeopleIcon, PulseIcon } from './icons';
import './TeamNav.css';

interface TeamNavProps {
  teamId: string;
  /** Which page is open, if any. */
  current: 'people' | 'assessments' | 'pulse' | null;
  /** Assessments in this team waiting on me. */
  waiting: number;
  /** Active pulse surveys whose current period I have not answered. */
  pulseDue: number;
  onOpenAssessments: (teamId: string) => void;
  onOpenPulse: (teamId: string) => void;
  onOpenPeople: (teamId: string) => void;
}

/** A team's Assessments (with what waits on me), Pulse (with a dot when a survey waits) and People, under its boards. */
export function TeamNav({ teamId, current, waiting, pulseDue, onOpenAssessments, onOpenPulse, onOpenPeople }: TeamNavProps) {
  const pulseLabel = pulseDue === 1 ? 'a survey to answer' : `${pulseDue} surveys to answer`;
  return (
    <ul className="team-nav" aria-label="Team pages">
      <li className={`team-nav__row${current === 'assessments' ? ' is-current' : ''}`}>
        <button
          type="button"
          className="team-nav__item"
          data-testid="nav-assessments"
          data-team-id={teamId}
          aria-current={current === 'assessments' ? 'page' : undefined}
          onClick={() => onOpenAssessments(teamId)}
        >
          <ClipboardIcon className="team-nav__icon" size={14} />
          <span className="team-nav__label">Assessments</span>
          {waiting > 0 && (
            <span
              className="team-nav__badge"
              data-testid="nav-assessments-badge"
              aria-label={`${waiting} waiting on you`}
              title={`${waiting} waiting on you`}
            >
              {waiting}
            </span>
          )}
        </button>
      </li>
      <li className={`team-nav__row${current === 'pulse' ? ' is-current' : ''}`}>
        <button
          type="button"
          className="team-nav__item"
          data-testid="nav-pulse"
          data-team-id={teamId}
          aria-current={current === 'pulse' ? 'page' : undefined}
          onClick={() => onOpenPulse(teamId)}
        >
          <PulseIcon className="team-nav__icon" size={14} />
          <span className="team-nav__label">Pulse</span>
          {pulseDue > 0 && (
            <span className="team-nav__dot" data-testid="nav-pulse-dot" role="img" aria-label={pulseLabel} title={pulseLabel} />
          )}
        </button>
      </li>
      <li className={`team-nav__row${current === 'people' ? ' is-current' : ''}`}>
        <button
          type="button"
          className="team-nav__item"
          data-testid="nav-people"
          data-team-id={teamId}
          aria-current={current === 'people' ? 'page' : undefined}
          onClick={() => onOpenPeople(teamId)}
        >
          <PeopleIcon className="team-nav__icon" size={14} />
          <span className="team-nav__label">People</span>
        </button>
      </li>
    </ul>
  );
}

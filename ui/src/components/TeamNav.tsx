import type { ComponentType, ReactNode } from 'react';
import { CardIcon, ChartIcon, ClipboardIcon, PeopleIcon, PulseIcon } from './icons';
import './TeamNav.css';

export type TeamPage = 'people' | 'assessments' | 'pulse' | 'market' | 'billing';

interface TeamNavProps {
  teamId: string;
  /** Which page is open, if any. */
  current: TeamPage | null;
  /** Assessments in this team waiting on me. */
  waiting: number;
  /** Active pulse surveys whose current period I have not answered. */
  pulseDue: number;
  onOpenAssessments: (teamId: string) => void;
  onOpenPulse: (teamId: string) => void;
  onOpenPeople: (teamId: string) => void;
  onOpenMarket: (teamId: string) => void;
  onOpenBilling: (teamId: string) => void;
}

/** A team's Assessments (with what waits on me), Pulse (with a dot when a survey waits), People, Markets and Billing, under its boards. */
export function TeamNav({
  teamId,
  current,
  waiting,
  pulseDue,
  onOpenAssessments,
  onOpenPulse,
  onOpenPeople,
  onOpenMarket,
  onOpenBilling,
}: TeamNavProps) {
  const pulseLabel = pulseDue === 1 ? 'a survey to answer' : `${pulseDue} surveys to answer`;
  const pages: Omit<NavItemProps, 'teamId' | 'current'>[] = [
    {
      page: 'assessments',
      label: 'Assessments',
      Icon: ClipboardIcon,
      onOpen: onOpenAssessments,
      marker: waiting > 0 && (
        <span
          className="row-button__count team-nav__badge"
          data-testid="nav-assessments-badge"
          aria-label={`${waiting} waiting on you`}
          title={`${waiting} waiting on you`}
        >
          {waiting}
        </span>
      ),
    },
    {
      page: 'pulse',
      label: 'Pulse',
      Icon: PulseIcon,
      onOpen: onOpenPulse,
      marker: pulseDue > 0 && <span className="team-nav__dot" data-testid="nav-pulse-dot" role="img" aria-label={pulseLabel} title={pulseLabel} />,
    },
    { page: 'people', label: 'People', Icon: PeopleIcon, onOpen: onOpenPeople },
    { page: 'market', label: 'Markets', Icon: ChartIcon, onOpen: onOpenMarket },
    { page: 'billing', label: 'Billing', Icon: CardIcon, onOpen: onOpenBilling },
  ];
  return (
    <ul className="team-nav" aria-label="Team pages">
      {pages.map((p) => (
        <NavItem key={p.page} {...p} teamId={teamId} current={current === p.page} />
      ))}
    </ul>
  );
}

interface NavItemProps {
  teamId: string;
  page: TeamPage;
  label: string;
  Icon: ComponentType<{ className?: string; size?: number }>;
  current: boolean;
  onOpen: (teamId: string) => void;
  /** A count or a dot after the label. */
  marker?: ReactNode;
}

/** One of a team's pages in the sidebar. */
function NavItem({ teamId, page, label, Icon, current, onOpen, marker }: NavItemProps) {
  return (
    <li className={`team-nav__row${current ? ' is-current' : ''}`}>
      <button
        type="button"
        className="row-button team-nav__item"
        data-testid={`nav-${page}`}
        data-team-id={teamId}
        aria-current={current ? 'page' : undefined}
        onClick={() => onOpen(teamId)}
      >
        <Icon className="team-nav__icon" size={14} />
        <span className="row-button__label">{label}</span>
        {marker}
      </button>
    </li>
  );
}

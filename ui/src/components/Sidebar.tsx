import { useEffect, useId, useState } from 'react';
import type { Conversation, Identity, Member, PresenceState, TeamSummary } from '../api';
import { Avatar } from './Avatar';
import { LimitNote } from './billing/LimitNote';
import { TeamChat } from './chat/TeamChat';
import { BoardIcon, CalendarIcon, PencilIcon, PlusIcon } from './icons';
import { NameForm } from './NameForm';
import { TeamNav, type TeamPage } from './TeamNav';
import './Sidebar.css';

interface SidebarProps {
  teams: TeamSummary[] | undefined;
  identity: Identity | undefined;
  selectedTeamId: string | null;
  selectedBoardId: string | null;
  /** The board whose timeline is open, if any. */
  timelineBoardId: string | null;
  onSelectTeam: (teamId: string) => void;
  onSelectBoard: (teamId: string, boardId: string) => void;
  onOpenTimeline: (teamId: string, boardId: string) => void;
  onCreateTeam: (name: string) => Promise<boolean>;
  onCreateBoard: (teamId: string, name: string) => Promise<boolean>;
  onRename: (name: string) => Promise<boolean>;
  /** Why the selected team cannot have another board now (its plan's limit, or read-only); null when it can. */
  boardLimit: string | null;
  chat: SidebarChat;
  nav: SidebarNav;
}

/** Each team's Assessments, Pulse, People, Markets and Billing pages. */
export interface SidebarNav {
  /** The page open in the main area, if any. */
  open: { kind: TeamPage; teamId: string } | null;
  /** Assessments waiting on me, by team id. */
  waiting: Record<string, number>;
  /** Pulse surveys whose current period waits on me, by team id. */
  pulseDue: Record<string, number>;
  onOpenAssessments: (teamId: string) => void;
  onOpenPulse: (teamId: string) => void;
  onOpenPeople: (teamId: string) => void;
  onOpenMarket: (teamId: string) => void;
  onOpenBilling: (teamId: string) => void;
}

/** What the sidebar needs to list each team's channels and direct messages. */
export interface SidebarChat {
  /** Conversations by team id. */
  conversations: Record<string, Conversation[]> | undefined;
  /** Presence by team id, then user id. */
  presence: Record<string, ReadonlyMap<string, PresenceState>>;
  /** The selected team's members, for picking people. */
  members: Member[];
  openConversationId: string | null;
  onOpen: (teamId: string, conversationId: string) => void;
  onCreateChannel: (teamId: string, name: string, isPrivate: boolean, members: string[]) => Promise<boolean>;
  onOpenDirect: (teamId: string, members: string[]) => Promise<boolean>;
}

const NO_PRESENCE: ReadonlyMap<string, PresenceState> = new Map();

export function Sidebar({
  teams,
  identity,
  selectedTeamId,
  selectedBoardId,
  timelineBoardId,
  onSelectTeam,
  onSelectBoard,
  onOpenTimeline,
  onCreateTeam,
  onCreateBoard,
  onRename,
  boardLimit,
  chat,
  nav,
}: SidebarProps) {
  const [creatingTeam, setCreatingTeam] = useState(false);
  const [creatingBoard, setCreatingBoard] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const boardLimitId = useId();

  // The board form belongs to the selected team; switching teams closes it, and so does reaching the plan's limit.
  useEffect(() => setCreatingBoard(false), [selectedTeamId, boardLimit]);

  return (
    <nav className="sidebar" aria-label="Teams and boards">
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true" />
        <span className="sidebar__product">Teamstead</span>
      </div>

      <div className="sidebar__section">
        <div className="sidebar__heading">
          <h2 className="sidebar__heading-text">Teams</h2>
          <button
            type="button"
            className="icon-button"
            data-testid="new-team-button"
            aria-label="New team"
            title="New team"
            aria-expanded={creatingTeam}
            onClick={() => setCreatingTeam((open) => !open)}
          >
            <PlusIcon />
          </button>
        </div>

        {creatingTeam && (
          <div className="sidebar__form">
            <NameForm
              label="Team name"
              placeholder="Team name"
              submitLabel="Create team"
              inputTestId="team-name-input"
              submitTestId="team-create-submit"
              autoFocus
              onSubmit={async (name) => {
                const ok = await onCreateTeam(name);
                if (ok) setCreatingTeam(false);
                return ok;
              }}
              onCancel={() => setCreatingTeam(false)}
            />
          </div>
        )}

        <ul className="team-list">
          {(teams ?? []).map((team) => {
            const selected = team.id === selectedTeamId;
            return (
              <li key={team.id} className="team-group">
                <button
                  type="button"
                  className={`row-button team-item${selected ? ' is-selected' : ''}`}
                  data-testid="team-item"
                  data-initial={team.name.trim().charAt(0).toUpperCase() || '?'}
                  aria-current={selected && !selectedBoardId ? 'true' : undefined}
                  title={`${team.memberCount} ${team.memberCount === 1 ? 'member' : 'members'} · ${team.role}`}
                  onClick={() => onSelectTeam(team.id)}
                >
                  <span className="team-item__name">{team.name}</span>
                </button>
                <ul className="board-list">
                  {team.boards.map((board) => {
                    const current = selected && board.id === selectedBoardId;
                    const timeline = selected && board.id === timelineBoardId;
                    return (
                      <li key={board.id} className={`board-row${current || timeline ? ' is-current' : ''}`}>
                        <BoardIcon className="board-row__icon" size={14} />
                        <button
                          type="button"
                          className="row-button board-item"
                          data-testid="board-item"
                          aria-current={current ? 'page' : undefined}
                          onClick={() => onSelectBoard(team.id, board.id)}
                        >
                          {board.name}
                        </button>
                        {!timeline && (
                          <span className="board-row__count" aria-label={`${board.taskCount} tasks`}>
                            {board.taskCount}
                          </span>
                        )}
                        <button
                          type="button"
                          className={`icon-button icon-button--sm board-row__timeline${timeline ? ' is-open' : ''}`}
                          data-testid="board-timeline"
                          aria-label={`Timeline of ${board.name}`}
                          title="Timeline"
                          aria-current={timeline ? 'page' : undefined}
                          onClick={() => onOpenTimeline(team.id, board.id)}
                        >
                          <CalendarIcon size={14} />
                        </button>
                      </li>
                    );
                  })}
                  {selected &&
                    (creatingBoard ? (
                      <li className="sidebar__form sidebar__form--nested">
                        <NameForm
                          label="Board name"
                          placeholder="Board name"
                          submitLabel="Create board"
                          inputTestId="board-name-input"
                          submitTestId="board-create-submit"
                          autoFocus
                          onSubmit={async (name) => {
                            const ok = await onCreateBoard(team.id, name);
                            if (ok) setCreatingBoard(false);
                            return ok;
                          }}
                          onCancel={() => setCreatingBoard(false)}
                        />
                      </li>
                    ) : (
                      <li>
                        <button
                          type="button"
                          className="row-button new-board"
                          data-testid="new-board-button"
                          disabled={boardLimit !== null}
                          aria-describedby={boardLimit !== null ? boardLimitId : undefined}
                          onClick={() => setCreatingBoard(true)}
                        >
                          <PlusIcon size={14} />
                          New board
                        </button>
                        {boardLimit !== null && (
                          <div className="sidebar__limit">
                            <LimitNote id={boardLimitId} reason={boardLimit} testId="board-limit" onOpenBilling={() => nav.onOpenBilling(team.id)} />
                          </div>
                        )}
                      </li>
                    ))}
                </ul>
                <TeamNav
                  teamId={team.id}
                  current={nav.open?.teamId === team.id ? nav.open.kind : null}
                  waiting={nav.waiting[team.id] ?? 0}
                  pulseDue={nav.pulseDue[team.id] ?? 0}
                  onOpenAssessments={nav.onOpenAssessments}
                  onOpenPulse={nav.onOpenPulse}
                  onOpenPeople={nav.onOpenPeople}
                  onOpenMarket={nav.onOpenMarket}
                  onOpenBilling={nav.onOpenBilling}
                />
                <TeamChat
                  teamId={team.id}
                  selected={selected}
                  conversations={chat.conversations?.[team.id]}
                  presence={chat.presence[team.id] ?? NO_PRESENCE}
                  me={identity?.userId}
                  members={selected ? chat.members : []}
                  openConversationId={chat.openConversationId}
                  onOpen={chat.onOpen}
                  onCreateChannel={chat.onCreateChannel}
                  onOpenDirect={chat.onOpenDirect}
                />
              </li>
            );
          })}
        </ul>
      </div>

      <div className="sidebar__footer">
        {renaming ? (
          <NameForm
            label="Your name"
            submitLabel="Save"
            initialValue={identity?.name ?? ''}
            inputTestId="identity-name-input"
            autoFocus
            onSubmit={async (name) => {
              const ok = await onRename(name);
              if (ok) setRenaming(false);
              return ok;
            }}
            onCancel={() => setRenaming(false)}
          />
        ) : (
          <div className="me">
            <Avatar id={identity?.userId} name={identity?.name ?? ''} size="md" decorative />
            <span className="me__name" data-testid="current-user">
              {identity?.name ?? ''}
            </span>
            <button
              type="button"
              className="icon-button"
              aria-label="Change your name"
              title="Change your name"
              onClick={() => setRenaming(true)}
              disabled={!identity}
            >
              <PencilIcon size={14} />
            </button>
          </div>
        )}
      </div>
    </nav>
  );
}

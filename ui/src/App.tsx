import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, hasCode, type AppError, type SearchHit, type Status } from './api';
import { Board } from './components/Board';
import { BoardIcon } from './components/icons';
import { SearchBox, type SearchBoxHandle } from './components/SearchBox';
import { Sidebar } from './components/Sidebar';
import { SyncBadge } from './components/SyncBadge';
import { TaskPanel } from './components/TaskPanel';
import { TopBar } from './components/TopBar';
import { WelcomeCard } from './components/WelcomeCard';
import { isTypingTarget } from './lib/keyboard';
import { ConfirmProvider } from './state/confirm';
import { planRefresh } from './state/refreshPlan';
import { reconcileSelection, upsertTeam, type Selection } from './state/selection';
import { ToastProvider, useToasts } from './state/toasts';
import { useDocChanged } from './state/useDocChanged';
import { useResource } from './state/useResource';
import { useTaskActions } from './state/useTaskActions';
import './App.css';

export function App() {
  return (
    <ToastProvider>
      <ConfirmProvider>
        <Workspace />
      </ConfirmProvider>
    </ToastProvider>
  );
}

function Workspace() {
  const { showError } = useToasts();
  const [selection, setSelection] = useState<Selection | null>(null);
  const [openTaskId, setOpenTaskId] = useState<string | null>(null);
  const [composer, setComposer] = useState<Status | null>(null);
  const searchRef = useRef<SearchBoxHandle>(null);
  const returnFocusTo = useRef<string | null>(null);

  const teamId = selection?.teamId ?? null;
  const boardId = selection?.boardId ?? null;

  const identity = useResource('identity', api.identityGet, showError);
  const teams = useResource('teams', api.teamList, showError);
  const sync = useResource('sync', api.syncStatus, showError);
  const account = useResource('account', api.accountGet, showError);
  // The connection works in the background: read its state every two seconds.
  useEffect(() => {
    const timer = window.setInterval(() => void sync.reload(), 2000);
    return () => window.clearInterval(timer);
  }, [sync.reload]);
  const members = useResource(
    teamId && `members:${teamId}`,
    () => (teamId ? api.memberList(teamId) : Promise.resolve([])),
    showError,
  );
  const tasks = useResource(
    boardId && `tasks:${boardId}`,
    () => (boardId ? api.taskList(boardId) : Promise.resolve([])),
    showError,
  );
  const onDetailError = useCallback(
    (error: AppError) => {
      showError(error);
      // The task is gone (deleted here or elsewhere): nothing left to show.
      if (hasCode(error, 'not_found')) setOpenTaskId(null);
    },
    [showError],
  );
  const detail = useResource(
    boardId && openTaskId && `task:${boardId}:${openTaskId}`,
    () => (boardId && openTaskId ? api.taskGet(boardId, openTaskId) : Promise.reject(new Error('no task open'))),
    onDetailError,
  );
  const actions = useTaskActions(boardId, tasks, detail);

  // Start on the first team's first board, and stay on something that exists.
  useEffect(() => {
    if (teams.data) setSelection((current) => reconcileSelection(teams.data ?? [], current));
  }, [teams.data]);

  const team = teams.data?.find((t) => t.id === teamId);
  const board = team?.boards.find((b) => b.id === boardId);
  const memberMap = useMemo(() => new Map((members.data ?? []).map((m) => [m.userId, m])), [members.data]);

  useDocChanged((changes) => {
    const plan = planRefresh(changes, { teamId, boardId, taskOpen: openTaskId !== null });
    if (plan.teams) void teams.reload();
    if (plan.identity) void identity.reload();
    if (plan.sync) void sync.reload();
    if (plan.members) void members.reload();
    if (plan.tasks) void tasks.reload();
    if (plan.task) void detail.reload();
  });

  const selectBoard = useCallback((nextTeamId: string, nextBoardId: string | null, taskId: string | null = null) => {
    setSelection({ teamId: nextTeamId, boardId: nextBoardId });
    setOpenTaskId(taskId);
    setComposer(null);
  }, []);

  const openTask = useCallback((taskId: string) => {
    returnFocusTo.current = taskId;
    setOpenTaskId(taskId);
  }, []);

  const closePanel = useCallback(() => setOpenTaskId(null), []);

  // After the panel closes, put focus back on the card it was opened from.
  useEffect(() => {
    if (openTaskId !== null || !returnFocusTo.current) return;
    const id = returnFocusTo.current;
    returnFocusTo.current = null;
    const card = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="task-card"]')).find(
      (el) => el.dataset.taskId === id,
    );
    card?.focus();
  }, [openTaskId]);

  /** Runs a change; on failure shows its coded error and re-reads, so nothing is left half-changed. */
  const attempt = async (change: () => Promise<void>, reread: () => Promise<unknown>) => {
    try {
      await change();
      return true;
    } catch (error) {
      showError(error);
      void reread();
      return false;
    }
  };

  const createTeam = (name: string) =>
    attempt(async () => {
      const created = await api.teamCreate(name);
      teams.mutate((list) => upsertTeam(list, created));
      selectBoard(created.id, created.boards[0]?.id ?? null);
      void teams.reload();
    }, teams.reload);

  const createBoard = (forTeam: string, name: string) =>
    attempt(async () => {
      const created = await api.boardCreate(forTeam, name);
      teams.mutate((list) =>
        list.map((t) => (t.id === forTeam ? { ...t, boards: [...t.boards.filter((b) => b.id !== created.id), created] } : t)),
      );
      selectBoard(forTeam, created.id);
      void teams.reload();
    }, teams.reload);

  const rename = (name: string) =>
    attempt(async () => {
      const me = await api.identitySetName(name);
      identity.mutate(() => me);
      void members.reload();
    }, identity.reload);

  const openHit = (hit: SearchHit) => {
    returnFocusTo.current = hit.taskId;
    selectBoard(hit.teamId, hit.boardId, hit.taskId);
  };

  // App-wide shortcuts. Fields and dialogs handle their own keys first and
  // mark them handled, so these only see keys nobody else wanted.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
      if (event.key === 'Escape') {
        if (openTaskId) {
          event.preventDefault();
          closePanel();
        }
        return;
      }
      if (!plain || isTypingTarget(event.target)) return;
      if (event.key === '/') {
        event.preventDefault();
        searchRef.current?.focus();
      } else if ((event.key === 'n' || event.key === 'N') && !event.shiftKey && board) {
        event.preventDefault();
        setComposer('todo');
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [openTaskId, closePanel, board]);

  const noTeams = teams.data !== undefined && teams.data.length === 0;

  return (
    <div className="app">
      <Sidebar
        teams={teams.data}
        identity={identity.data}
        selectedTeamId={teamId}
        selectedBoardId={boardId}
        onSelectTeam={(id) => {
          const first = teams.data?.find((t) => t.id === id)?.boards[0]?.id ?? null;
          selectBoard(id, first);
        }}
        onSelectBoard={(t, b) => selectBoard(t, b)}
        onCreateTeam={createTeam}
        onCreateBoard={createBoard}
        onRename={rename}
      />
      <main className="main">
        <TopBar teamName={team?.name ?? null} boardName={board?.name ?? null}>
          <SearchBox ref={searchRef} teamId={teamId} onOpen={openHit} />
          <SyncBadge
            status={sync.data}
            account={account.data}
            team={team ? { id: team.id, name: team.name } : null}
            onChanged={() => {
              void account.reload();
              void sync.reload();
              void teams.reload();
            }}
            onError={showError}
          />
        </TopBar>
        {noTeams ? (
          <WelcomeCard onCreateTeam={createTeam} />
        ) : (
          <div className="workspace">
            {board ? (
              <Board
                tasks={tasks.data}
                members={memberMap}
                openTaskId={openTaskId}
                composer={composer}
                onComposerChange={setComposer}
                onOpenTask={openTask}
                actions={actions}
              />
            ) : (
              team && (
                <div className="empty-state">
                  <BoardIcon size={28} />
                  <h2>No boards in {team.name} yet</h2>
                  <p>Create one with “New board” in the sidebar.</p>
                </div>
              )
            )}
            {openTaskId && board && (
              <TaskPanel
                key={openTaskId}
                task={detail.data}
                boardTasks={tasks.data ?? []}
                members={members.data ?? []}
                actions={actions}
                onClose={closePanel}
                onOpenTask={openTask}
              />
            )}
          </div>
        )}
      </main>
    </div>
  );
}

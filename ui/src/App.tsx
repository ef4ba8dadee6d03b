import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  api,
  hasCode,
  LIVE_SIGNAL_EVENT,
  NOTIFICATION_CLICKED_EVENT,
  REMINDER_CLICKED_EVENT,
  type AppError,
  type ChatNotification,
  type Conversation,
  type LiveSignalPayload,
  type MessageHit,
  type NotificationClickedPayload,
  type NotificationSettings,
  type PresenceState,
  type PulseView,
  type ReminderClickedPayload,
  type SearchHit,
} from './api';
import { AssessmentsView } from './components/assessments/AssessmentsView';
import { BillingPage } from './components/billing/BillingPage';
import { ReadOnlyBanner } from './components/billing/ReadOnlyBanner';
import { Board } from './components/Board';
import { ChatView, type MessageFocus } from './components/chat/ChatView';
import { NotificationBell } from './components/chat/NotificationBell';
import { MarketPage } from './components/market/MarketPage';
import { PeopleView } from './components/people/PeopleView';
import { PulsePage } from './components/pulse/PulsePage';
import { TimelinePage } from './components/timeline/TimelinePage';
import { BoardIcon } from './components/icons';
import { BoardMenu } from './components/BoardMenu';
import { SearchBox, type SearchBoxHandle } from './components/SearchBox';
import { RunningTimer } from './components/RunningTimer';
import { Sidebar } from './components/Sidebar';
import { SyncBadge } from './components/SyncBadge';
import { TaskPanel } from './components/TaskPanel';
import { TopBar } from './components/TopBar';
import { WelcomeCard } from './components/WelcomeCard';
import { awaitsAssignee } from './lib/assessments';
import { limitReason } from './lib/billing';
import { awaitsMe } from './lib/pulse';
import { isTypingTarget } from './lib/keyboard';
import { ConfirmProvider } from './state/confirm';
import { planChatRefresh } from './state/chatRefreshPlan';
import { ASSESSMENTS_HOME, PULSE_HOME, type AssessmentRoute, type Page } from './state/pages';
import { planRefresh } from './state/refreshPlan';
import { reconcileSelection, upsertTeam, type Selection } from './state/selection';
import { TimerProvider } from './state/timer';
import { ToastProvider, useToasts } from './state/toasts';
import { useBilling } from './state/useBilling';
import { useDocChanged } from './state/useDocChanged';
import { usePresenceReporter } from './state/usePresenceReporter';
import { useResource } from './state/useResource';
import { useTauriEvent } from './state/useTauriEvent';
import { useTaskActions } from './state/useTaskActions';
import './App.css';

export function App() {
  return (
    <ToastProvider>
      <ConfirmProvider>
        <TimerProvider>
          <Workspace />
        </TimerProvider>
      </ConfirmProvider>
    </ToastProvider>
  );
}

const NO_PRESENCE: ReadonlyMap<string, PresenceState> = new Map();

const PAGE_TITLE: Record<Page['kind'], string> = {
  people: 'People',
  assessments: 'Assessments',
  pulse: 'Pulse',
  market: 'Markets',
  billing: 'Billing',
  timeline: 'Timeline',
};

/** A new period can start at midnight: read the surveys again now and then. */
const PULSE_REFRESH_MS = 10 * 60_000;

/** The conversation shown in the main area instead of a board. */
interface OpenChat {
  teamId: string;
  conversationId: string;
}

/** Inserts or replaces a conversation in a team's list, keeping channels before direct messages. */
function upsertConversation(list: readonly Conversation[], conversation: Conversation): Conversation[] {
  const rest = list.filter((c) => c.id !== conversation.id);
  const channels = rest.filter((c) => c.kind !== 'direct');
  const directs = rest.filter((c) => c.kind === 'direct');
  if (conversation.kind === 'direct') return [...channels, conversation, ...directs];
  return [...channels, conversation].sort((a, b) => a.name.localeCompare(b.name)).concat(directs);
}

/** Puts a survey's new state in its team's list, which stays sorted by title. */
function upsertSurvey(list: readonly PulseView[], view: PulseView): PulseView[] {
  return [...list.filter((p) => p.id !== view.id), view].sort((a, b) => a.title.toLowerCase().localeCompare(b.title.toLowerCase()));
}

function Workspace() {
  const { showError } = useToasts();
  const [selection, setSelection] = useState<Selection | null>(null);
  const [openTaskId, setOpenTaskId] = useState<string | null>(null);
  /** The board column whose Add task is open: a column id, or 'todo' for the first To do column (the N key). */
  const [composer, setComposer] = useState<string | null>(null);
  const [chat, setChat] = useState<OpenChat | null>(null);
  const [focus, setFocus] = useState<MessageFocus | null>(null);
  const [page, setPage] = useState<Page | null>(null);
  const focusToken = useRef(0);
  const searchRef = useRef<SearchBoxHandle>(null);
  const returnFocusTo = useRef<string | null>(null);

  const teamId = selection?.teamId ?? null;
  const boardId = selection?.boardId ?? null;
  usePresenceReporter();

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
  // The selected team's plan: its limits turn off adding boards and members before the core would refuse.
  const billing = useBilling(teamId);

  // ----- chat -----
  const teamIds = useMemo(() => teams.data?.map((t) => t.id) ?? null, [teams.data]);
  const teamKey = teamIds ? teamIds.join(',') : null;
  const conversations = useResource(
    teamKey !== null ? `conversations:${teamKey}` : null,
    async () => {
      const ids = teamIds ?? [];
      const lists = await Promise.all(ids.map((id) => api.conversationList(id)));
      return Object.fromEntries(ids.map((id, i) => [id, lists[i]])) as Record<string, Conversation[]>;
    },
    showError,
  );
  const presenceLists = useResource(
    teamKey !== null ? `presence:${teamKey}` : null,
    async () => {
      const ids = teamIds ?? [];
      const lists = await Promise.all(ids.map((id) => api.presenceList(id)));
      return Object.fromEntries(ids.map((id, i) => [id, lists[i]]));
    },
    showError,
  );
  const presence = useMemo(() => {
    const byTeam: Record<string, ReadonlyMap<string, PresenceState>> = {};
    for (const [id, list] of Object.entries(presenceLists.data ?? {})) {
      byTeam[id] = new Map(list.map((p) => [p.userId, p.state]));
    }
    return byTeam;
  }, [presenceLists.data]);
  const notifications = useResource('notifications', api.notificationList, showError);
  // Assessments waiting on me, in every team: the sidebar's badges and each team's inbox.
  const inbox = useResource('assessment-inbox', api.assessmentInbox, showError);
  const waiting = useMemo(() => {
    const counts: Record<string, number> = {};
    for (const item of inbox.data ?? []) {
      if (awaitsAssignee(item.progress)) counts[item.teamId] = (counts[item.teamId] ?? 0) + 1;
    }
    return counts;
  }, [inbox.data]);
  const notificationSettings = useResource('notification-settings', api.notificationSettingsGet, showError);
  // Pulse surveys in every team: the sidebar's dots and each team's Pulse page.
  const pulses = useResource(
    teamKey !== null ? `pulses:${teamKey}` : null,
    async () => {
      const ids = teamIds ?? [];
      const lists = await Promise.all(ids.map((id) => api.pulseList(id)));
      return Object.fromEntries(ids.map((id, i) => [id, lists[i]])) as Record<string, PulseView[]>;
    },
    showError,
  );
  const pulseDue = useMemo(() => {
    const counts: Record<string, number> = {};
    for (const [id, list] of Object.entries(pulses.data ?? {})) counts[id] = list.filter(awaitsMe).length;
    return counts;
  }, [pulses.data]);
  useEffect(() => {
    const timer = window.setInterval(() => void pulses.reload(), PULSE_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [pulses.reload]);

  useTauriEvent<LiveSignalPayload>(LIVE_SIGNAL_EVENT, (signal) => {
    if (signal.kind === 'presence') void presenceLists.reload();
  });

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
    const chatPlan = planChatRefresh(changes, { conversationId: chat?.conversationId ?? null, teamId: chat?.teamId ?? null });
    if (chatPlan.conversations) void conversations.reload();
    if (chatPlan.notifications) void notifications.reload();
    // Assignments live in assessments, answers in responses, membership in the team.
    if (changes.some((c) => c.kind === 'assessment' || c.kind === 'response' || c.kind === 'team')) void inbox.reload();
    // Surveys live in the team document; my answer in its own.
    if (changes.some((c) => c.kind === 'team' || c.kind === 'pulse_answer')) void pulses.reload();
  });

  const selectBoard = useCallback((nextTeamId: string, nextBoardId: string | null, taskId: string | null = null) => {
    setSelection({ teamId: nextTeamId, boardId: nextBoardId });
    setOpenTaskId(taskId);
    setComposer(null);
    setChat(null);
    setPage(null);
  }, []);

  const teamsRef = useRef(teams.data);
  teamsRef.current = teams.data;
  /** Shows a conversation, and when asked, scrolls to one of its messages and highlights it. */
  const openConversation = useCallback(
    (nextTeamId: string, conversationId: string, target?: { messageId: string; createdAt?: number }) => {
      setSelection((current) =>
        current && current.teamId === nextTeamId
          ? current
          : { teamId: nextTeamId, boardId: teamsRef.current?.find((t) => t.id === nextTeamId)?.boards[0]?.id ?? null },
      );
      setOpenTaskId(null);
      setComposer(null);
      setPage(null);
      setChat({ teamId: nextTeamId, conversationId });
      setFocus(target ? { ...target, token: ++focusToken.current } : null);
    },
    [],
  );

  useTauriEvent<NotificationClickedPayload>(NOTIFICATION_CLICKED_EVENT, (clicked) => {
    openConversation(clicked.teamId, clicked.conversationId, { messageId: clicked.messageId });
  });

  /** Shows a team's People or Assessments page in the main area. */
  const openPage = useCallback((next: Page) => {
    setSelection((current) =>
      current && current.teamId === next.teamId
        ? current
        : { teamId: next.teamId, boardId: teamsRef.current?.find((t) => t.id === next.teamId)?.boards[0]?.id ?? null },
    );
    setOpenTaskId(null);
    setComposer(null);
    setChat(null);
    setPage(next);
  }, []);

  const identityRef = useRef(identity.data);
  identityRef.current = identity.data;
  // A reminder is about a pulse survey's new period, my own response, or (for a manager) someone else's.
  useTauriEvent<ReminderClickedPayload>(REMINDER_CLICKED_EVENT, (clicked) => {
    if (clicked.pulseId) {
      openPage({ kind: 'pulse', teamId: clicked.teamId, route: { screen: 'survey', id: clicked.pulseId } });
      void pulses.reload();
      return;
    }
    const mine = clicked.userId === identityRef.current?.userId;
    const route: AssessmentRoute = mine
      ? { screen: 'respond', id: clicked.assessmentId }
      : { screen: 'detail', id: clicked.assessmentId };
    openPage({ kind: 'assessments', teamId: clicked.teamId, route });
    void inbox.reload();
  });

  /** A board as a timeline: its tasks' dates as bars, with the task panel beside it. */
  const openTimeline = useCallback((nextTeamId: string, nextBoardId: string) => {
    setSelection({ teamId: nextTeamId, boardId: nextBoardId });
    setOpenTaskId(null);
    setComposer(null);
    setChat(null);
    setPage({ kind: 'timeline', teamId: nextTeamId, boardId: nextBoardId });
  }, []);

  const openTask = useCallback((taskId: string) => {
    returnFocusTo.current = taskId;
    setOpenTaskId(taskId);
  }, []);

  const closePanel = useCallback(() => setOpenTaskId(null), []);

  /** A task linked from the open one: on this board, or on another board of the team (which then opens). */
  const openLinkedTask = (taskId: string, linkBoardId?: string) => {
    if (!linkBoardId || linkBoardId === boardId || !teamId) {
      openTask(taskId);
      return;
    }
    returnFocusTo.current = taskId;
    selectBoard(teamId, linkBoardId, taskId);
  };

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
    attempt(
      async () => {
        const created = await api.boardCreate(forTeam, name);
        teams.mutate((list) =>
          list.map((t) => (t.id === forTeam ? { ...t, boards: [...t.boards.filter((b) => b.id !== created.id), created] } : t)),
        );
        selectBoard(forTeam, created.id);
        void teams.reload();
        // One more board counts against the plan.
        void billing.reload();
      },
      // Refused for the plan (plan_limit, read_only) or anything else: the boards and the plan may both be stale.
      () => Promise.all([teams.reload(), billing.reload()]),
    );

  const rename = (name: string) =>
    attempt(async () => {
      const me = await api.identitySetName(name);
      identity.mutate(() => me);
      void members.reload();
    }, identity.reload);

  /** The task my timer runs on: its board, with the task open. */
  const openTimerTask = (timerBoardId: string, taskId: string) => {
    const owner = teams.data?.find((t) => t.boards.some((b) => b.id === timerBoardId));
    if (!owner) return;
    returnFocusTo.current = taskId;
    selectBoard(owner.id, timerBoardId, taskId);
  };

  const openHit = (hit: SearchHit) => {
    returnFocusTo.current = hit.taskId;
    selectBoard(hit.teamId, hit.boardId, hit.taskId);
  };

  const openMessageHit = (hit: MessageHit) =>
    openConversation(hit.teamId, hit.conversationId, { messageId: hit.messageId, createdAt: hit.createdAt });

  const openNotification = (n: ChatNotification) =>
    openConversation(n.teamId, n.conversationId, { messageId: n.messageId, createdAt: n.createdAt });

  const addConversation = (forTeam: string, conversation: Conversation) => {
    conversations.mutate((all) => ({ ...all, [forTeam]: upsertConversation(all[forTeam] ?? [], conversation) }));
    openConversation(forTeam, conversation.id);
    void conversations.reload();
  };

  const createChannel = (forTeam: string, name: string, isPrivate: boolean, picked: string[]) =>
    attempt(async () => {
      addConversation(forTeam, await api.channelCreate(forTeam, name, isPrivate, picked));
    }, conversations.reload);

  const openDirect = (forTeam: string, picked: string[]) =>
    attempt(async () => {
      addConversation(forTeam, await api.directOpen(forTeam, picked));
    }, conversations.reload);

  const { reload: reloadConversations } = conversations;
  const { reload: reloadNotifications } = notifications;
  const onConversationRead = useCallback(() => {
    void reloadConversations();
    void reloadNotifications();
  }, [reloadConversations, reloadNotifications]);

  const markAllNotificationsRead = () =>
    void attempt(async () => {
      await api.notificationMarkAllRead();
      notifications.mutate((list) => list.map((n) => ({ ...n, read: true })));
      void notifications.reload();
    }, notifications.reload);

  const saveNotificationSettings = (next: NotificationSettings) =>
    attempt(async () => {
      const saved = await api.notificationSettingsSet(next);
      notificationSettings.mutate(() => saved);
      void conversations.reload();
    }, notificationSettings.reload);

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
      } else if ((event.key === 'n' || event.key === 'N') && !event.shiftKey && board && !chat && !page) {
        event.preventDefault();
        setComposer('todo');
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [openTaskId, closePanel, board, chat, page]);

  const noTeams = teams.data !== undefined && teams.data.length === 0;
  const conversation = chat ? conversations.data?.[chat.teamId]?.find((c) => c.id === chat.conversationId) : undefined;
  const chatTeam = chat ? teams.data?.find((t) => t.id === chat.teamId) : undefined;
  const pageTeam = page ? teams.data?.find((t) => t.id === page.teamId) : undefined;
  const openBilling = (id: string) => openPage({ kind: 'billing', teamId: id });
  // Billing says it all on its own page; everywhere else in the team, a thin bar.
  const readOnly = team && billing.view?.readOnly && page?.kind !== 'billing' ? team : null;

  return (
    <div className="app">
      <Sidebar
        teams={teams.data}
        identity={identity.data}
        selectedTeamId={teamId}
        selectedBoardId={chat || page ? null : boardId}
        timelineBoardId={page?.kind === 'timeline' ? page.boardId : null}
        onOpenTimeline={openTimeline}
        onSelectTeam={(id) => {
          const first = teams.data?.find((t) => t.id === id)?.boards[0]?.id ?? null;
          selectBoard(id, first);
        }}
        onSelectBoard={(t, b) => selectBoard(t, b)}
        onCreateTeam={createTeam}
        onCreateBoard={createBoard}
        onRename={rename}
        boardLimit={limitReason(billing.view, 'boards')}
        chat={{
          conversations: conversations.data,
          presence,
          members: members.data ?? [],
          openConversationId: chat?.conversationId ?? null,
          onOpen: openConversation,
          onCreateChannel: createChannel,
          onOpenDirect: openDirect,
        }}
        nav={{
          open: page && page.kind !== 'timeline' ? { kind: page.kind, teamId: page.teamId } : null,
          waiting,
          pulseDue,
          onOpenAssessments: (id) => openPage({ kind: 'assessments', teamId: id, route: ASSESSMENTS_HOME }),
          onOpenPulse: (id) => openPage({ kind: 'pulse', teamId: id, route: PULSE_HOME }),
          onOpenPeople: (id) => openPage({ kind: 'people', teamId: id }),
          onOpenMarket: (id) => openPage({ kind: 'market', teamId: id }),
          onOpenBilling: openBilling,
        }}
      />
      <main className="main">
        <TopBar
          teamName={team?.name ?? null}
          boardName={chat ? null : page?.kind === 'timeline' ? `${board?.name ?? ''} · ${PAGE_TITLE.timeline}` : page ? PAGE_TITLE[page.kind] : board?.name ?? null}
        >
          {board && !chat && !page && <BoardMenu key={board.id} boardId={board.id} boardName={board.name} onImported={tasks.reload} />}
          <RunningTimer onOpenTask={openTimerTask} />
          <SearchBox
            ref={searchRef}
            teamId={teamId}
            onOpen={openHit}
            chat={{
              conversations: (teamId && conversations.data?.[teamId]) || [],
              members: members.data ?? [],
              onOpenMessage: openMessageHit,
            }}
            preferredMode={chat ? 'messages' : 'tasks'}
          />
          <NotificationBell
            notifications={notifications.data}
            settings={notificationSettings.data}
            conversation={conversation ? { id: conversation.id, name: conversation.name } : null}
            onOpen={openNotification}
            onMarkAllRead={markAllNotificationsRead}
            onSaveSettings={saveNotificationSettings}
          />
          <SyncBadge
            status={sync.data}
            account={account.data}
            team={team ? { id: team.id, name: team.name } : null}
            onChanged={() => {
              void account.reload();
              void sync.reload();
              void teams.reload();
              // Signing in adopts the account's name and user id.
              void identity.reload();
            }}
            onError={showError}
          />
        </TopBar>
        {readOnly && <ReadOnlyBanner teamName={readOnly.name} onOpenBilling={() => openBilling(readOnly.id)} />}
        {noTeams ? (
          <WelcomeCard onCreateTeam={createTeam} />
        ) : (
          <div className="workspace">
            {page && pageTeam ? (
              page.kind === 'people' ? (
                <PeopleView
                  key={page.teamId}
                  team={pageTeam}
                  me={identity.data}
                  account={account.data}
                  syncState={sync.data?.state}
                  onTeamChanged={() => {
                    void teams.reload();
                    void members.reload();
                  }}
                  billing={billing.view}
                  onOpenBilling={() => openBilling(page.teamId)}
                  onBillingStale={billing.reload}
                />
              ) : page.kind === 'billing' ? (
                <BillingPage key={page.teamId} team={pageTeam} billing={billing} />
              ) : page.kind === 'market' ? (
                <MarketPage key={page.teamId} team={pageTeam} />
              ) : page.kind === 'timeline' ? (
                board && (
                  <TimelinePage
                    key={board.id}
                    board={board}
                    tasks={tasks.data}
                    onReschedule={(taskId, dates) => actions.update(taskId, dates)}
                    onOpenTask={openTask}
                    onOpenBoard={() => selectBoard(board.teamId, board.id)}
                  />
                )
              ) : page.kind === 'pulse' ? (
                <PulsePage
                  key={page.teamId}
                  team={pageTeam}
                  route={page.route}
                  onNavigate={(route) => setPage({ kind: 'pulse', teamId: page.teamId, route })}
                  surveys={pulses.data?.[page.teamId]}
                  onSurveyChanged={(view) => {
                    pulses.mutate((all) => ({ ...all, [page.teamId]: upsertSurvey(all[page.teamId] ?? [], view) }));
                    void pulses.reload();
                  }}
                  onSurveysStale={pulses.reload}
                />
              ) : (
                <AssessmentsView
                  key={page.teamId}
                  team={pageTeam}
                  me={identity.data}
                  route={page.route}
                  onNavigate={(route) => setPage({ kind: 'assessments', teamId: page.teamId, route })}
                  inbox={inbox.data?.filter((item) => item.teamId === page.teamId)}
                  onInboxStale={inbox.reload}
                />
              )
            ) : chat ? (
              conversation && chatTeam ? (
                <ChatView
                  conversation={conversation}
                  team={chatTeam}
                  members={members.data ?? []}
                  identity={identity.data}
                  presence={presence[chat.teamId] ?? NO_PRESENCE}
                  focus={focus}
                  onRead={onConversationRead}
                />
              ) : (
                conversations.data && (
                  <div className="empty-state" data-testid="conversation-missing">
                    <h2>This conversation is not here</h2>
                    <p>It may have been removed, or it has not arrived from the relay yet.</p>
                  </div>
                )
              )
            ) : board ? (
              <Board
                key={board.id}
                boardId={board.id}
                onBulkChanged={tasks.reload}
                tasks={tasks.data}
                members={memberMap}
                me={identity.data?.userId}
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
            {openTaskId && board && !chat && (!page || page.kind === 'timeline') && (
              <TaskPanel
                key={openTaskId}
                teamId={board.teamId}
                me={identity.data?.userId}
                task={detail.data}
                boardTasks={tasks.data ?? []}
                boards={team?.boards ?? []}
                members={members.data ?? []}
                actions={actions}
                onClose={closePanel}
                onOpenTask={openLinkedTask}
              />
            )}
          </div>
        )}
      </main>
    </div>
  );
}

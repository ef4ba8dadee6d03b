// An in-memory stand-in for the Rust core, following docs/ipc.md: the same
// commands, shapes, validation rules and error codes. The tests drive the UI
// against it, and `vite dev` in a plain browser uses it so the UI can be tried
// without a Tauri build. It is never part of a production bundle.
import { mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import type { InvokeArgs } from '@tauri-apps/api/core';
import type {
  Account,
  ActivityEntry,
  AppError,
  BoardDetail,
  BoardSummary,
  ChecklistItem,
  Column,
  Comment,
  DocChangedPayload,
  Identity,
  Member,
  Priority,
  Role,
  SavedView,
  SearchHit,
  Status,
  SyncStatus,
  TaskDetail,
  TaskLink,
  TaskSummary,
  TeamSummary,
} from '../api/types';
import { FakeAssessments } from './fakeAssessments';
import { FakeBilling } from './fakeBilling';
import { checkedEstimate, checkedQuery, checkedStatus, checkedWipLimit, defaultColumns, matchesQuery } from './fakeBoardDepth';
import { FakeBoardTools } from './fakeBoardTools';
import { FakeChat } from './fakeChat';
import { checkedDate, checkedText, NOT_HANDLED, type FakeHost } from './fakeHost';
import { FakeMarket } from './fakeMarket';
import { FakePeople } from './fakePeople';
import { FakePulses } from './fakePulses';

const PRIORITIES: Priority[] = ['none', 'low', 'medium', 'high', 'urgent'];
const ROLES: Role[] = ['owner', 'manager', 'member', 'viewer'];
const MAX_TITLE = 300;
const MAX_DESCRIPTION = 100_000;
const MAX_COMMENT = 10_000;
const MAX_LABEL = 40;
const MAX_LABELS = 20;
const MAX_CHECKLIST_ITEM = 500;
const MAX_COLUMN_NAME = 80;

/** One change to a task, for task_history: who, when, what, and the description just after it. */
interface FakeChange {
  hash: string;
  at: number;
  userId: string | null;
  fields: string[];
  description: string;
}

interface FakeTask {
  id: string;
  boardId: string;
  title: string;
  description: string;
  /** A column id of its board; the status is that column's. */
  column: string;
  position: number;
  assignees: string[];
  start: string | null;
  due: string | null;
  estimateMinutes: number | null;
  priority: Priority;
  labels: string[];
  parentId: string | null;
  /** Task ids on any board of the team. */
  dependsOn: string[];
  checklist: ChecklistItem[];
  comments: Omit<Comment, 'authorName'>[];
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  /** Oldest first. */
  history: FakeChange[];
}

/** What tests and the seed may set on a task they insert; `status` picks its first column of that category. */
export type TaskSeed = Partial<Omit<FakeTask, 'id' | 'boardId' | 'history'>> & {
  title: string;
  status?: Status;
  assignee?: string | null;
};

interface FakeTeam {
  id: string;
  name: string;
  members: { userId: string; role: Role }[];
  boardIds: string[];
}

interface FakeBoard {
  id: string;
  teamId: string;
  name: string;
  /** In board order. */
  columns: Column[];
  views: SavedView[];
  tasks: Map<string, FakeTask>;
}

export interface FakeBackendOptions {
  /** Start with demo teams, boards and tasks. */
  seed?: boolean;
  /** Emit `doc-changed` after each write, as the real core does. */
  emitEvents?: boolean;
  userName?: string;
  now?: () => number;
}

export interface RecordedCall {
  cmd: string;
  args: Record<string, unknown>;
}

export class FakeError implements AppError {
  constructor(
    public code: string,
    public message: string,
  ) {}
}

const fail = (code: string, message: string): never => {
  throw new FakeError(code, message);
};

function normalizeLabels(raw: unknown): string[] {
  if (!Array.isArray(raw)) return fail('invalid_input', 'labels must be a list');
  const labels: string[] = [];
  for (const item of raw) {
    const label = String(item).trim().toLowerCase();
    if (!label || labels.includes(label)) continue;
    if ([...label].length > MAX_LABEL) fail('too_long', `a label is too long (at most ${MAX_LABEL} characters)`);
    labels.push(label);
  }
  if (labels.length > MAX_LABELS) fail('too_long', `a task has too many labels (at most ${MAX_LABELS})`);
  return labels;
}

export class FakeBackend {
  readonly calls: RecordedCall[] = [];
  private readonly failures = new Map<string, AppError[]>();
  private readonly users = new Map<string, string>();
  private readonly teams = new Map<string, FakeTeam>();
  private readonly boards = new Map<string, FakeBoard>();
  private nextId = 1;
  private nextChange = 1;
  /** Accounts on the pretend relay: email → password. */
  private readonly relayAccounts = new Map<string, string>();
  private account: Account | null = null;
  private readonly now: () => number;
  private readonly emitEvents: boolean;
  readonly me: string;
  /** Channels, messages, presence and notifications. */
  readonly chat: FakeChat;
  /** Departments, titles, reporting lines and skills. */
  readonly people: FakePeople;
  /** Templates, assessments, responses and their reviews. */
  readonly assessments: FakeAssessments;
  /** Pulse surveys, their anonymous answers and the relay's aggregates. */
  readonly pulses: FakePulses;
  /** The team's plan, its limits and invoices, as the relay and Stripe keep them. */
  readonly billing: FakeBilling;
  /** Watchlists, quotes, company news and headlines. */
  readonly market: FakeMarket;
  /** Timers and time entries, board files and bulk edits. */
  readonly boardTools: FakeBoardTools;

  constructor(options: FakeBackendOptions = {}) {
    this.now = options.now ?? (() => Date.now());
    this.emitEvents = options.emitEvents ?? false;
    this.me = 'user-me';
    this.users.set(this.me, options.userName ?? 'Alex Rivera');
    const host: FakeHost = {
      me: this.me,
      now: () => this.now(),
      id: (prefix) => this.id(prefix),
      nameOf: (userId) => this.users.get(userId) ?? 'Unknown',
      teamMembers: (teamId) => this.team(teamId).members,
      fail,
      changed: (docId, kind, teamId) => this.changed(docId, kind, teamId),
      today: () => this.today(),
    };
    this.chat = new FakeChat({
      ...host,
      emit: (event, payload) => {
        if (this.emitEvents) setTimeout(() => void emit(event, payload), 0);
      },
    });
    this.people = new FakePeople({
      ...host,
      openTasks: (teamId) =>
        this.team(teamId).boardIds.flatMap((id) => {
          const board = this.boards.get(id) as FakeBoard;
          return [...board.tasks.values()]
            .filter((t) => this.statusOf(board, t) !== 'done')
            .flatMap((t) => t.assignees.map((assignee) => ({ assignee, due: t.due })));
        }),
      openAssessments: (teamId) => this.assessments.openAssignments(teamId),
    });
    this.assessments = new FakeAssessments({
      ...host,
      departmentOf: (teamId, userId) => this.people.departmentOf(teamId, userId),
      departmentIds: (teamId) => this.people.departmentIds(teamId),
      departmentName: (teamId, id) => this.people.departmentName(teamId, id),
    });
    this.pulses = new FakePulses({
      ...host,
      departmentOf: (teamId, userId) => this.people.departmentOf(teamId, userId),
    });
    this.billing = new FakeBilling({
      ...host,
      onRelay: (teamId) => this.account?.teams.includes(teamId) ?? false,
      usage: (teamId) => {
        const team = this.team(teamId);
        return { members: team.members.length, boards: team.boardIds.length };
      },
    });
    this.market = new FakeMarket({
      ...host,
      signedIn: () => this.account !== null,
      requireWritable: (teamId) => this.billing.requireWritable(teamId),
    });
    this.boardTools = new FakeBoardTools({
      ...host,
      teamOfBoard: (boardId) => this.board(boardId).teamId,
      boardsOf: (teamId) => [...this.team(teamId).boardIds],
      boardTasks: (boardId) => this.board(boardId).tasks,
      moveTask: (a) => {
        this.writableBoard(a.boardId);
        return this.moveTask(a);
      },
      updateTask: (a) => {
        this.writableBoard(a.boardId);
        return this.updateTask(a);
      },
      createTask: (boardId, title, status) => {
        this.insertTask(boardId, { title, status });
      },
      keepHistory: (boardId, taskId, fields) => {
        const task = this.board(boardId).tasks.get(taskId);
        if (task) this.record(task, fields);
      },
    });
    if (options.seed) this.seed();
  }

  /** Today as YYYY-MM-DD in local time, by this fake's clock. */
  today(): string {
    return this.dayFromToday(0);
  }

  /** A local day `offsetDays` from today, as YYYY-MM-DD. */
  dayFromToday(offsetDays: number): string {
    const d = new Date(this.now() + offsetDays * 86_400_000);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }

  /** Emits an event to the window as the shell would (tests and the dev seed). */
  emitEvent(event: string, payload: unknown): Promise<void> {
    return emit(event, payload);
  }

  /** Makes the next call of `cmd` reject with this error (queued, one per call). */
  failNext(cmd: string, error: AppError): void {
    this.failures.set(cmd, [...(this.failures.get(cmd) ?? []), error]);
  }

  callsOf(cmd: string): Record<string, unknown>[] {
    return this.calls.filter((c) => c.cmd === cmd).map((c) => c.args);
  }

  id(prefix: string): string {
    return `${prefix}-${this.nextId++}`;
  }

  handle(cmd: string, payload?: InvokeArgs): unknown {
    const args = (payload && typeof payload === 'object' && !Array.isArray(payload) && !(payload instanceof ArrayBuffer) && !(payload instanceof Uint8Array)
      ? payload
      : {}) as Record<string, unknown>;
    this.calls.push({ cmd, args: structuredClone(args) });
    const queued = this.failures.get(cmd);
    if (queued?.length) {
      const error = queued.shift() as AppError;
      throw new FakeError(error.code, error.message);
    }
    // Answers are copies: the UI must never hold references into the store.
    return structuredClone(this.dispatch(cmd, args));
  }

  private dispatch(cmd: string, a: Record<string, unknown>): unknown {
    switch (cmd) {
      case 'identity_get':
        return this.identity();
      case 'identity_set_name': {
        this.users.set(this.me, checkedText(fail, 'a name', a.name, 80));
        this.changed(this.me, 'user', null);
        return this.identity();
      }
      case 'team_list':
        return [...this.teams.values()].map((t) => this.teamSummary(t)).sort((x, y) => x.name.localeCompare(y.name));
      case 'team_create':
        return this.teamSummary(this.createTeam(checkedText(fail, 'a team name', a.name, MAX_TITLE)));
      case 'team_rename': {
        const team = this.team(a.teamId);
        this.billing.requireWritable(team.id);
        team.name = checkedText(fail, 'a team name', a.name, MAX_TITLE);
        this.changed(team.id, 'team', team.id);
        return this.teamSummary(team);
      }
      case 'member_list':
        return this.members(this.team(a.teamId));
      case 'member_add': {
        const team = this.team(a.teamId);
        this.billing.requireWritable(team.id);
        this.billing.requireRoom(team.id, 'members');
        const role = ROLES.includes(a.role as Role) ? (a.role as Role) : fail('invalid_input', 'unknown role');
        const userId = this.id('user');
        this.users.set(userId, checkedText(fail, 'a name', a.name, 80));
        team.members.push({ userId, role });
        this.changed(team.id, 'team', team.id);
        return this.members(team).find((m) => m.userId === userId);
      }
      case 'board_list':
        return this.team(a.teamId).boardIds.map((id) => this.boardSummary(this.boards.get(id) as FakeBoard));
      case 'board_create': {
        const team = this.team(a.teamId);
        const name = checkedText(fail, 'a board name', a.name, MAX_TITLE);
        this.billing.requireWritable(team.id);
        this.billing.requireRoom(team.id, 'boards');
        return this.boardSummary(this.createBoard(team, name));
      }
      case 'task_list':
        return this.summaries(this.board(a.boardId));
      case 'task_query':
        return this.query(a.query);
      case 'task_get': {
        const board = this.board(a.boardId);
        return this.detail(board, this.task(board, a.taskId));
      }
      case 'task_create':
        this.writableBoard(a.boardId);
        return this.createTask(a);
      case 'task_update':
        this.writableBoard(a.boardId);
        return this.updateTask(a);
      case 'task_move':
        this.writableBoard(a.boardId);
        return this.moveTask(a);
      case 'task_delete': {
        const board = this.writableBoard(a.boardId);
        const task = this.task(board, a.taskId);
        board.tasks.delete(task.id);
        for (const other of this.teamTasks(board.teamId)) other.dependsOn = other.dependsOn.filter((d) => d !== task.id);
        // Its subtasks stay, on their own.
        for (const other of board.tasks.values()) if (other.parentId === task.id) other.parentId = null;
        this.changed(board.id, 'board', board.teamId);
        return null;
      }
      case 'task_add_dependency':
        this.writableBoard(a.boardId);
        return this.addDependency(a);
      case 'task_remove_dependency': {
        const board = this.writableBoard(a.boardId);
        const task = this.task(board, a.taskId);
        task.dependsOn = task.dependsOn.filter((d) => d !== a.dependsOn);
        this.touch(board, task, ['dependencies']);
        return this.detail(board, task);
      }
      case 'comment_add': {
        const board = this.writableBoard(a.boardId);
        const task = this.task(board, a.taskId);
        const comment = { id: this.id('comment'), author: this.me, body: checkedText(fail, 'a comment', a.body, MAX_COMMENT), createdAt: this.now() };
        task.comments.push(comment);
        this.touch(board, task, ['comments']);
        return { ...comment, authorName: this.users.get(this.me) ?? '' };
      }
      case 'board_get':
        return this.boardDetail(this.board(a.boardId));
      case 'column_add':
      case 'column_update':
      case 'column_move':
      case 'column_delete':
      case 'view_save':
      case 'view_delete':
        return this.editBoard(cmd, a);
      case 'checklist_add':
      case 'checklist_update':
      case 'checklist_delete':
        return this.editChecklist(cmd, a);
      case 'task_history': {
        const board = this.board(a.boardId);
        return this.history(this.task(board, a.taskId));
      }
      case 'task_description_at': {
        const board = this.board(a.boardId);
        return this.change(this.task(board, a.taskId), a.hash).description;
      }
      case 'task_description_restore': {
        const board = this.writableBoard(a.boardId);
        const task = this.task(board, a.taskId);
        task.description = this.change(task, a.hash).description;
        this.touch(board, task, ['description']);
        return this.detail(board, task);
      }
      case 'task_search':
        return this.search(String(a.query ?? ''), typeof a.teamId === 'string' ? a.teamId : null);
      case 'sync_status': {
        const base = { pendingChanges: 0, lastError: null, relayUrl: this.account?.relayUrl ?? null, email: this.account?.email ?? null };
        const status: SyncStatus = this.account
          ? { ...base, state: 'synced', label: 'Synced', lastHeardFrom: this.now() }
          : { ...base, state: 'local_only', label: 'Local only', lastHeardFrom: null };
        return status;
      }
      case 'account_get':
        return this.account;
      case 'account_sign_up':
      case 'account_log_in': {
        const email = String(a.email ?? '').trim().toLowerCase();
        const password = String(a.password ?? '');
        if (!email.includes('@')) return fail('invalid_input', 'enter a valid email address');
        if (cmd === 'account_sign_up') {
          if (password.length < 8) return fail('invalid_input', 'the password needs at least 8 characters');
          if (this.relayAccounts.has(email)) return fail('account_exists', 'an account with this email already exists');
          this.relayAccounts.set(email, password);
        } else if (this.relayAccounts.get(email) !== password) {
          return fail('wrong_credentials', 'the email or password is wrong');
        }
        this.account = { relayUrl: String(a.relayUrl ?? ''), email, userId: this.me, teams: [] };
        return this.account;
      }
      case 'account_log_out':
        this.account = null;
        return null;
      case 'team_publish': {
        const team = this.team(a.teamId);
        const account = this.account ?? fail('not_signed_in', 'not signed in to a relay; sign in or sign up first');
        if (!account.teams.includes(team.id)) account.teams.push(team.id);
        return null;
      }
      case 'invitation_create': {
        const team = this.team(a.teamId);
        if (!this.account) return fail('not_signed_in', 'not signed in to a relay; sign in or sign up first');
        if (!this.account.teams.includes(team.id)) return fail('not_found', 'this team is not on the relay yet; share it first');
        if (!ROLES.includes(a.role as Role)) return fail('invalid_input', 'unknown role');
        this.billing.requireWritable(team.id);
        this.billing.requireRoom(team.id, 'members');
        const hours = a.expiresInHours === undefined ? 7 * 24 : Number(a.expiresInHours);
        if (!Number.isInteger(hours) || hours < 1 || hours > 90 * 24) {
          return fail('invalid_input', 'an invitation lasts from 1 hour to 90 days');
        }
        const maxUses = a.maxUses === undefined ? null : Number(a.maxUses);
        if (maxUses !== null && (!Number.isInteger(maxUses) || maxUses < 1)) {
          return fail('invalid_input', 'an invitation is used at least once');
        }
        return { code: `tst_${this.id('invite')}`, team_id: team.id, role: a.role, expires_at: this.now() + hours * 3_600_000, max_uses: maxUses };
      }
      case 'team_join': {
        if (!this.account) return fail('not_signed_in', 'not signed in to a relay; sign in or sign up first');
        return fail('invalid_invitation', 'this invitation code is not valid');
      }
      default: {
        for (const part of [this.chat, this.people, this.assessments, this.pulses, this.billing, this.market, this.boardTools]) {
          const answer = part.dispatch(cmd, a);
          if (answer !== NOT_HANDLED) return answer;
        }
        return fail('invalid_input', `unknown command ${cmd}`);
      }
    }
  }

  // ----- reads -----

  private identity(): Identity {
    return { userId: this.me, name: this.users.get(this.me) ?? '' };
  }

  private team(id: unknown): FakeTeam {
    return this.teams.get(String(id)) ?? fail('not_found', `team \`${String(id)}\` does not exist`);
  }

  private board(id: unknown): FakeBoard {
    return this.boards.get(String(id)) ?? fail('not_found', `board \`${String(id)}\` does not exist`);
  }

  /** The board, when its team may be written to (not read-only for an unpaid plan). */
  private writableBoard(id: unknown): FakeBoard {
    const board = this.board(id);
    this.billing.requireWritable(board.teamId);
    return board;
  }

  private task(board: FakeBoard, id: unknown): FakeTask {
    return board.tasks.get(String(id)) ?? fail('not_found', `task \`${String(id)}\` does not exist`);
  }

  private members(team: FakeTeam): Member[] {
    return team.members.map((m) => ({ userId: m.userId, role: m.role, name: this.users.get(m.userId) ?? '' }));
  }

  private teamSummary(team: FakeTeam): TeamSummary {
    return {
      id: team.id,
      name: team.name,
      role: team.members.find((m) => m.userId === this.me)?.role ?? 'viewer',
      memberCount: team.members.length,
      boards: team.boardIds.map((id) => this.boardSummary(this.boards.get(id) as FakeBoard)),
    };
  }

  private boardSummary(board: FakeBoard): BoardSummary {
    return { id: board.id, teamId: board.teamId, name: board.name, taskCount: board.tasks.size };
  }

  /** A task's status: its column's category. */
  private statusOf(board: FakeBoard, task: FakeTask): Status {
    return board.columns.find((c) => c.id === task.column)?.status ?? 'todo';
  }

  /** Every task of every board of the team. */
  private teamTasks(teamId: string): FakeTask[] {
    return this.team(teamId).boardIds.flatMap((id) => [...(this.boards.get(id)?.tasks.values() ?? [])]);
  }

  /** A task anywhere in the team, with its board. */
  private locate(teamId: string, taskId: string): { board: FakeBoard; task: FakeTask } | null {
    for (const id of this.team(teamId).boardIds) {
      const board = this.boards.get(id) as FakeBoard;
      const task = board.tasks.get(taskId);
      if (task) return { board, task };
    }
    return null;
  }

  private link(board: FakeBoard, task: FakeTask): TaskLink {
    return { taskId: task.id, boardId: board.id, boardName: board.name, title: task.title, status: this.statusOf(board, task) };
  }

  /** How many subtasks each parent has, counted once for a whole board. */
  private subtaskCounts(board: FakeBoard): Map<string, number> {
    const counts = new Map<string, number>();
    for (const t of board.tasks.values()) if (t.parentId) counts.set(t.parentId, (counts.get(t.parentId) ?? 0) + 1);
    return counts;
  }

  private summary(board: FakeBoard, task: FakeTask, counts = this.subtaskCounts(board)): TaskSummary {
    const blockedBy = task.dependsOn.filter((id) => {
      const dep = this.locate(board.teamId, id);
      return dep !== null && this.statusOf(dep.board, dep.task) !== 'done';
    });
    return {
      id: task.id,
      boardId: board.id,
      title: task.title,
      status: this.statusOf(board, task),
      column: task.column,
      position: task.position,
      assignee: task.assignees[0] ?? null,
      assignees: [...task.assignees],
      start: task.start,
      due: task.due,
      estimateMinutes: task.estimateMinutes,
      priority: task.priority,
      labels: [...task.labels],
      parentId: task.parentId,
      dependsOn: [...task.dependsOn],
      subtaskCount: counts.get(task.id) ?? 0,
      checklistDone: task.checklist.filter((i) => i.done).length,
      checklistTotal: task.checklist.length,
      blockedBy,
      commentCount: task.comments.length,
      updatedAt: task.updatedAt,
    };
  }

  /** By column in board order, then position. */
  private ordered(board: FakeBoard, tasks: Iterable<FakeTask>): FakeTask[] {
    const order = new Map(board.columns.map((c, i) => [c.id, i]));
    return [...tasks].sort((x, y) => (order.get(x.column) ?? 0) - (order.get(y.column) ?? 0) || x.position - y.position);
  }

  private summaries(board: FakeBoard): TaskSummary[] {
    const counts = this.subtaskCounts(board);
    return this.ordered(board, board.tasks.values()).map((t) => this.summary(board, t, counts));
  }

  private detail(board: FakeBoard, task: FakeTask): TaskDetail {
    const links = (ids: string[]) =>
      ids.map((id) => this.locate(board.teamId, id)).filter((l) => l !== null).map((l) => this.link(l.board, l.task));
    const dependents = this.teamTasks(board.teamId).filter((t) => t.dependsOn.includes(task.id)).map((t) => t.id);
    const subtasks = this.ordered(board, [...board.tasks.values()].filter((t) => t.parentId === task.id));
    return {
      ...this.summary(board, task),
      description: task.description,
      comments: task.comments.map((c) => ({ ...c, authorName: this.users.get(c.author) ?? 'Unknown' })),
      createdBy: task.createdBy,
      createdAt: task.createdAt,
      checklist: task.checklist.map((i) => ({ ...i })),
      dependencies: links(task.dependsOn),
      dependents: links(dependents),
      subtasks: subtasks.map((t) => this.link(board, t)),
    };
  }

  private boardDetail(board: FakeBoard): BoardDetail {
    return { id: board.id, teamId: board.teamId, name: board.name, columns: board.columns, views: board.views };
  }

  private query(raw: unknown): TaskSummary[] {
    const query = checkedQuery(fail, raw);
    let boards: FakeBoard[];
    if (query.boardId !== undefined) {
      const board = this.board(query.boardId);
      boards = query.teamId === undefined || board.teamId === query.teamId ? [board] : [];
    } else if (query.teamId !== undefined) {
      boards = this.team(query.teamId).boardIds.map((id) => this.boards.get(id) as FakeBoard);
    } else {
      boards = [...this.boards.values()];
    }
    const today = this.today();
    return boards.flatMap((b) => this.summaries(b)).filter((t) => matchesQuery(t, query, today));
  }

  private history(task: FakeTask): ActivityEntry[] {
    return [...task.history].reverse().map((c) => ({
      hash: c.hash,
      at: c.at,
      userId: c.userId,
      name: c.userId ? (this.users.get(c.userId) ?? 'Someone') : 'Someone',
      fields: [...c.fields],
    }));
  }

  private change(task: FakeTask, hash: unknown): FakeChange {
    return task.history.find((c) => c.hash === hash) ?? fail('not_found', `change \`${String(hash)}\` does not exist`);
  }

  private search(query: string, teamId: string | null): SearchHit[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    const hits: SearchHit[] = [];
    for (const board of this.boards.values()) {
      if (teamId && board.teamId !== teamId) continue;
      for (const task of board.tasks.values()) {
        const haystack = `${task.title} ${task.description}`.toLowerCase();
        if (!words.every((w) => haystack.includes(w))) continue;
        const source = task.description.trim() || task.title;
        hits.push({
          taskId: task.id,
          boardId: board.id,
          teamId: board.teamId,
          title: task.title,
          status: this.statusOf(board, task),
          snippet: highlight(source.slice(0, 160), words),
        });
      }
    }
    return hits;
  }

  // ----- writes -----

  private changed(docId: string, kind: string, teamId: string | null): void {
    if (!this.emitEvents) return;
    const payload: DocChangedPayload = { docId, kind, teamId };
    // After the answer, as the core emits once the write is stored.
    setTimeout(() => void emit('doc-changed', payload), 0);
  }

  /** Signs in to the pretend relay and puts these teams on it (tests and seed data). */
  signIn(teams: string[] = [], email = 'alex@example.com'): void {
    this.relayAccounts.set(email, 'password123');
    this.account = { relayUrl: 'http://127.0.0.1:7420', email, userId: this.me, teams: [...teams] };
  }

  /** Creates a team with its first board and #general, as team_create does. */
  createTeam(name: string): FakeTeam {
    const team: FakeTeam = { id: this.id('team'), name, members: [{ userId: this.me, role: 'owner' }], boardIds: [] };
    this.teams.set(team.id, team);
    this.createBoard(team, 'Tasks');
    this.chat.addChannel(team.id, 'general');
    this.changed(team.id, 'team', team.id);
    return team;
  }

  createBoard(team: FakeTeam, name: string): FakeBoard {
    const board: FakeBoard = { id: this.id('board'), teamId: team.id, name, columns: defaultColumns(), views: [], tasks: new Map() };
    this.boards.set(board.id, board);
    team.boardIds.push(board.id);
    this.changed(board.id, 'board', team.id);
    return board;
  }

  /** Adds a board straight into the store (tests and seed data); returns its id. */
  addBoard(teamId: string, name: string): string {
    return this.createBoard(this.team(teamId), name).id;
  }

  addMember(teamId: string, name: string, role: Role = 'member'): string {
    const team = this.team(teamId);
    const userId = this.id('user');
    this.users.set(userId, name);
    team.members.push({ userId, role });
    return userId;
  }

  /** Changes a member's role straight in the store (tests and seed data). */
  setRole(teamId: string, userId: string, role: Role): void {
    const member = this.team(teamId).members.find((m) => m.userId === userId);
    if (member) member.role = role;
  }

  /** Adds a task straight into the store (tests and seed data). */
  insertTask(boardId: string, seed: TaskSeed): FakeTask {
    const board = this.board(boardId);
    const { status, assignee, ...fields } = seed;
    const column = fields.column ?? this.columnFor(board, status ?? 'todo').id;
    const task: FakeTask = {
      id: this.id('task'),
      boardId,
      description: '',
      position: fields.position ?? this.endOfColumn(board, column),
      start: null,
      due: null,
      estimateMinutes: null,
      priority: 'none',
      labels: [],
      parentId: null,
      dependsOn: [],
      checklist: [],
      comments: [],
      createdBy: this.me,
      createdAt: this.now(),
      updatedAt: this.now(),
      ...fields,
      column,
      assignees: fields.assignees ?? (assignee ? [assignee] : []),
      history: [],
    };
    board.tasks.set(task.id, task);
    this.record(task, ['created']);
    return task;
  }

  /** Adds a column straight into the store (tests and seed data); returns its id. */
  addColumn(boardId: string, name: string, status: Status, wipLimit: number | null = null): string {
    const column: Column = { id: this.id('column'), name, status, wipLimit };
    this.board(boardId).columns.push(column);
    return column.id;
  }

  /** Sets a column's WIP limit straight in the store (tests and seed data). */
  setWipLimit(boardId: string, columnId: string, wipLimit: number | null): void {
    const column = this.board(boardId).columns.find((c) => c.id === columnId);
    if (column) column.wipLimit = wipLimit;
  }

  /** The board's first column of this category, else its first column. */
  private columnFor(board: FakeBoard, status: Status): Column {
    return board.columns.find((c) => c.status === status) ?? board.columns[0];
  }

  private columnOf(board: FakeBoard, id: unknown): Column {
    return board.columns.find((c) => c.id === id) ?? fail('not_found', `column \`${String(id)}\` does not exist`);
  }

  private endOfColumn(board: FakeBoard, column: string): number {
    let end = 0;
    for (const t of board.tasks.values()) if (t.column === column && t.position > end) end = t.position;
    return end + 1;
  }

  /** Notes a change in the task's history, as the core's document keeps every change. */
  private record(task: FakeTask, fields: string[]): void {
    const hash = (this.nextChange++).toString(16).padStart(16, '0');
    task.history.push({ hash, at: this.now(), userId: this.me, fields, description: task.description });
  }

  /** A write to a task: its history, its time, and doc-changed for its board. */
  private touch(board: FakeBoard, task: FakeTask, fields: string[]): void {
    task.updatedAt = this.now();
    this.record(task, fields);
    this.changed(board.id, 'board', board.teamId);
  }

  /** A parent for `task` (null: a new one): on the same board, not itself, and not a subtask itself. */
  private checkedParent(board: FakeBoard, task: FakeTask | null, raw: unknown): string | null {
    if (raw === null) return null;
    const parent = this.task(board, raw);
    if (task && parent.id === task.id) fail('invalid_input', 'a task cannot be its own subtask');
    if (parent.parentId !== null) fail('invalid_input', 'a subtask has no subtasks of its own');
    if (task && [...board.tasks.values()].some((t) => t.parentId === task.id)) {
      fail('invalid_input', 'a task with subtasks cannot become a subtask');
    }
    return parent.id;
  }

  private createTask(a: Record<string, unknown>): TaskDetail {
    const board = this.board(a.boardId);
    const title = checkedText(fail, 'a task title', a.title, MAX_TITLE);
    // `column` wins over `status`; without either, the first To do column.
    const column =
      a.column !== undefined && a.column !== null
        ? this.columnOf(board, a.column)
        : this.columnFor(board, a.status === undefined || a.status === null ? 'todo' : checkedStatus(fail, a.status));
    const parentId = a.parentId === undefined ? null : this.checkedParent(board, null, a.parentId);
    // Like the core's create_task: any column, even In review without an assignee.
    const task = this.insertTask(board.id, { title, column: column.id, parentId });
    this.changed(board.id, 'board', board.teamId);
    return this.detail(board, task);
  }

  private checkedAssignees(board: FakeBoard, raw: unknown): string[] {
    if (!Array.isArray(raw)) return fail('invalid_input', 'assignees must be a list');
    const ids = raw.map(String);
    if (new Set(ids).size !== ids.length) fail('invalid_input', 'someone is assigned twice');
    const members = this.team(board.teamId).members;
    for (const id of ids) if (!members.some((m) => m.userId === id)) fail('not_found', `member \`${id}\` does not exist`);
    return ids;
  }

  private updateTask(a: Record<string, unknown>): TaskDetail {
    const board = this.board(a.boardId);
    const task = this.task(board, a.taskId);
    const patch = (a.patch ?? {}) as Record<string, unknown>;
    const allowed = ['title', 'description', 'assignee', 'assignees', 'start', 'due', 'estimateMinutes', 'priority', 'labels', 'parentId'];
    const unknown = Object.keys(patch).find((k) => !allowed.includes(k));
    if (unknown) fail('invalid_input', `unknown field \`${unknown}\``);
    if (patch.assignee !== undefined && patch.assignees !== undefined) fail('invalid_input', 'give assignee or assignees, not both');
    // Check everything before writing anything, like the core.
    const title = patch.title === undefined ? undefined : checkedText(fail, 'a task title', patch.title, MAX_TITLE);
    let description: string | undefined;
    if (patch.description !== undefined) {
      description = String(patch.description);
      if ([...description].length > MAX_DESCRIPTION) fail('too_long', `a description is too long (at most ${MAX_DESCRIPTION} characters)`);
    }
    const date = (raw: unknown) => (raw === undefined ? undefined : raw === null ? null : checkedDate(fail, String(raw)));
    const start = date(patch.start);
    const due = date(patch.due);
    const nextStart = start === undefined ? task.start : start;
    const nextDue = due === undefined ? task.due : due;
    if (nextStart !== null && nextDue !== null && nextStart > nextDue) fail('invalid_input', 'a task starts on or before its due date');
    const estimate = patch.estimateMinutes === undefined ? undefined : checkedEstimate(fail, patch.estimateMinutes);
    const labels = patch.labels === undefined ? undefined : normalizeLabels(patch.labels);
    if (patch.priority !== undefined && !PRIORITIES.includes(patch.priority as Priority)) fail('invalid_input', 'unknown priority');
    let assignees: string[] | undefined;
    if (patch.assignee !== undefined) assignees = this.checkedAssignees(board, patch.assignee === null ? [] : [patch.assignee]);
    if (patch.assignees !== undefined) assignees = this.checkedAssignees(board, patch.assignees);
    if (assignees !== undefined && assignees.length === 0 && this.statusOf(board, task) === 'in_review') {
      fail('invalid_transition', 'cannot move a task to In review: a task in review needs an assignee');
    }
    const parentId = patch.parentId === undefined ? undefined : this.checkedParent(board, task, patch.parentId);

    const fields: string[] = [];
    const set = <K extends keyof FakeTask>(key: K, value: FakeTask[K] | undefined, field: string) => {
      if (value === undefined || JSON.stringify(task[key]) === JSON.stringify(value)) return;
      task[key] = value;
      fields.push(field);
    };
    set('title', title, 'title');
    set('description', description, 'description');
    set('assignees', assignees, 'assignees');
    set('start', start, 'start');
    set('due', due, 'due');
    set('estimateMinutes', estimate, 'estimate');
    set('priority', patch.priority as Priority | undefined, 'priority');
    set('labels', labels, 'labels');
    set('parentId', parentId, 'parent');
    if (fields.length) this.touch(board, task, fields);
    else this.changed(board.id, 'board', board.teamId);
    return this.detail(board, task);
  }

  private moveTask(a: Record<string, unknown>): TaskDetail {
    const board = this.board(a.boardId);
    const task = this.task(board, a.taskId);
    const column = this.columnOf(board, a.column);
    const from = this.statusOf(board, task);
    if (column.status === 'in_review' && task.assignees.length === 0) {
      fail('invalid_transition', 'cannot move a task to In review: assign the task first, so someone\'s work can be reviewed');
    }
    if (column.status === 'done' && from !== 'done' && a.force !== true) {
      const blockers = this.summary(board, task).blockedBy;
      if (blockers.length) {
        fail('task_blocked', `the task is blocked by ${blockers.length} unfinished task(s); confirm to move it to Done anyway`);
      }
    }
    const others = [...board.tasks.values()].filter((t) => t.column === column.id && t.id !== task.id);
    let position: number;
    if (typeof a.beforeTaskId === 'string') {
      const anchor = others.find((t) => t.id === a.beforeTaskId) ?? fail('not_found', `task in that column \`${a.beforeTaskId}\` does not exist`);
      const previous = others.filter((t) => t.position < anchor.position).map((t) => t.position);
      position = previous.length ? (Math.max(...previous) + anchor.position) / 2 : anchor.position - 1;
    } else if (task.column === column.id) {
      position = task.position;
    } else {
      position = others.reduce((m, t) => Math.max(m, t.position), 0) + 1;
    }
    task.column = column.id;
    task.position = position;
    this.touch(board, task, from === column.status ? ['column'] : ['column', 'status']);
    return this.detail(board, task);
  }

  private addDependency(a: Record<string, unknown>): TaskDetail {
    const board = this.board(a.boardId);
    const task = this.task(board, a.taskId);
    // Any board of the same team.
    const dep = this.locate(board.teamId, String(a.dependsOn))?.task ?? fail('not_found', `task \`${String(a.dependsOn)}\` does not exist`);
    if (dep.id === task.id) fail('self_dependency', 'a task cannot depend on itself');
    const path = this.pathBetween(board.teamId, dep.id, task.id);
    if (path) {
      const titles = [task.id, ...path].map((id) => this.locate(board.teamId, id)?.task.title ?? id);
      fail('dependency_cycle', `this dependency would create a cycle: ${titles.join(' → ')}`);
    }
    if (!task.dependsOn.includes(dep.id)) task.dependsOn.push(dep.id);
    this.touch(board, task, ['dependencies']);
    return this.detail(board, task);
  }

  /** A dependency path from `from` to `to` through any boards of the team, if one exists. */
  private pathBetween(teamId: string, from: string, to: string, seen = new Set<string>()): string[] | null {
    if (from === to) return [to];
    if (seen.has(from)) return null;
    seen.add(from);
    for (const next of this.locate(teamId, from)?.task.dependsOn ?? []) {
      const rest = this.pathBetween(teamId, next, to, seen);
      if (rest) return [from, ...rest];
    }
    return null;
  }

  // ----- columns, views, checklists -----

  private editBoard(cmd: string, a: Record<string, unknown>): BoardDetail {
    const board = this.writableBoard(a.boardId);
    switch (cmd) {
      case 'column_add': {
        const name = checkedText(fail, 'a column name', a.name, MAX_COLUMN_NAME);
        const status = checkedStatus(fail, a.status);
        board.columns.push({ id: this.id('column'), name, status, wipLimit: checkedWipLimit(fail, a.wipLimit) });
        break;
      }
      case 'column_update': {
        const column = this.columnOf(board, a.columnId);
        const name = a.name === undefined ? column.name : checkedText(fail, 'a column name', a.name, MAX_COLUMN_NAME);
        const status = a.status === undefined ? column.status : checkedStatus(fail, a.status);
        const wipLimit = a.wipLimit === undefined ? column.wipLimit : checkedWipLimit(fail, a.wipLimit);
        // A new category moves the column's tasks with it: their status is the column's.
        Object.assign(column, { name, status, wipLimit });
        break;
      }
      case 'column_move': {
        const column = this.columnOf(board, a.columnId);
        const rest = board.columns.filter((c) => c !== column);
        const before = a.beforeColumnId === undefined || a.beforeColumnId === null ? null : this.columnOf(board, a.beforeColumnId);
        if (before === column) break;
        const at = before ? rest.indexOf(before) : rest.length;
        rest.splice(at, 0, column);
        board.columns = rest;
        break;
      }
      case 'column_delete': {
        const column = this.columnOf(board, a.columnId);
        if (board.columns.length === 1) fail('invalid_input', 'a board keeps at least one column');
        const moveTo = this.columnOf(board, a.moveTo);
        if (moveTo === column) fail('invalid_input', 'move the tasks to another column');
        let end = this.endOfColumn(board, moveTo.id);
        for (const task of this.ordered(board, [...board.tasks.values()].filter((t) => t.column === column.id))) {
          const from = this.statusOf(board, task);
          task.column = moveTo.id;
          task.position = end++;
          task.updatedAt = this.now();
          this.record(task, from === moveTo.status ? ['column'] : ['column', 'status']);
        }
        board.columns = board.columns.filter((c) => c !== column);
        break;
      }
      case 'view_save': {
        const name = checkedText(fail, 'a view name', a.name, MAX_COLUMN_NAME);
        const query = checkedQuery(fail, a.query);
        const same = board.views.find((v) => v.name === name);
        if (same) same.query = query;
        else board.views.push({ id: this.id('view'), name, query });
        break;
      }
      case 'view_delete': {
        const view = board.views.find((v) => v.id === a.viewId) ?? fail('not_found', `view \`${String(a.viewId)}\` does not exist`);
        board.views = board.views.filter((v) => v !== view);
        break;
      }
    }
    this.changed(board.id, 'board', board.teamId);
    return this.boardDetail(board);
  }

  private editChecklist(cmd: string, a: Record<string, unknown>): TaskDetail {
    const board = this.writableBoard(a.boardId);
    const task = this.task(board, a.taskId);
    const item = () => task.checklist.find((i) => i.id === a.itemId) ?? fail('not_found', `checklist item \`${String(a.itemId)}\` does not exist`);
    switch (cmd) {
      case 'checklist_add':
        task.checklist.push({ id: this.id('item'), text: checkedText(fail, 'a checklist item', a.text, MAX_CHECKLIST_ITEM), done: false });
        break;
      case 'checklist_update': {
        const found = item();
        const text = a.text === undefined ? found.text : checkedText(fail, 'a checklist item', a.text, MAX_CHECKLIST_ITEM);
        if (a.done !== undefined && typeof a.done !== 'boolean') fail('invalid_input', '`done` must be true or false');
        Object.assign(found, { text, done: a.done ?? found.done });
        break;
      }
      case 'checklist_delete': {
        const found = item();
        task.checklist = task.checklist.filter((i) => i !== found);
        break;
      }
    }
    this.touch(board, task, ['checklist']);
    return this.detail(board, task);
  }

  // ----- demo data -----

  private seed(): void {
    const day = 86_400_000;
    const iso = (offsetDays: number) => {
      const d = new Date(this.now() + offsetDays * day);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    const design = this.createTeam('Design');
    const ada = this.addMember(design.id, 'Ada Lovelace', 'manager');
    const grace = this.addMember(design.id, 'Grace Hopper');
    const boardId = design.boardIds[0];
    const spec = this.insertTask(boardId, {
      title: 'Write the sync protocol spec',
      status: 'in_progress',
      assignees: [ada, this.me],
      priority: 'high',
      labels: ['sync', 'docs'],
      start: iso(-2),
      due: iso(3),
      estimateMinutes: 480,
      checklist: [
        { id: this.id('item'), text: 'Message framing', done: true },
        { id: this.id('item'), text: 'Reconnect after a long offline', done: false },
        { id: this.id('item'), text: 'Conflict examples', done: false },
      ],
      description: 'Describe how peers exchange document changes, and what happens when they reconnect after a long time offline.',
    });
    this.insertTask(boardId, { title: 'Diagram the handshake', status: 'in_review', parentId: spec.id, assignee: ada, estimateMinutes: 60 });
    this.setWipLimit(boardId, 'in_progress', 2);
    this.insertTask(boardId, {
      title: 'Ship offline sync to beta testers',
      priority: 'urgent',
      labels: ['sync'],
      dependsOn: [spec.id],
      due: iso(-2),
    });
    this.insertTask(boardId, { title: 'Keyboard shortcuts cheat sheet', priority: 'low', labels: ['docs'] });
    this.insertTask(boardId, { title: 'Onboarding checklist for new teams', priority: 'medium', assignee: this.me });
    const review = this.insertTask(boardId, {
      title: 'Board drag and drop polish',
      status: 'in_review',
      assignee: grace,
      priority: 'medium',
      labels: ['ui'],
    });
    review.comments.push(
      { id: this.id('comment'), author: grace, body: 'Ready for a look: drop targets now show a line.', createdAt: this.now() - 3 * 3_600_000 },
      { id: this.id('comment'), author: this.me, body: 'Looks great. One nit on the column padding.', createdAt: this.now() - 20 * 60_000 },
    );
    this.insertTask(boardId, { title: 'Pick the app icon', status: 'done', assignee: ada, labels: ['design'] });
    // Time already spent on the spec, and a CSV the file picker offers (one row it cannot read).
    this.boardTools.addEntry({ boardId, taskId: spec.id, userId: this.me, startedAt: this.now() - day - 2 * 3_600_000, endedAt: this.now() - day, note: 'First draft' });
    this.boardTools.files.set('/home/me/Downloads/roadmap.csv', 'title,status,priority\nPlan the beta,todo,high\n,in_progress,\nRelease notes,in_review,low\n');
    this.boardTools.nextPick = '/home/me/Downloads/roadmap.csv';
    this.chat.seed(design.id, ada, grace);
    this.seedPeopleAndAssessments(design.id, ada, grace);
    const platform = this.createTeam('Platform');
    this.insertTask(platform.boardIds[0], { title: 'Nightly backup of the local database', priority: 'high' });
    this.seedBillingAndMarket(design.id);
  }

  /**
   * Design is shared through a relay that sells plans: on the Free plan, with as
   * many members as it allows. Platform stays on this device (no billing, no limits).
   */
  private seedBillingAndMarket(teamId: string): void {
    this.signIn([teamId]);
    this.billing.relayHasBilling = true;
    this.market.watch(teamId, 'AAPL', 'MSFT', 'NVDA', 'BRK.B');
  }

  /** Departments and titles, a finished quarter with results, a new run, and one waiting on me. */
  private seedPeopleAndAssessments(teamId: string, ada: string, grace: string): void {
    const day = 86_400_000;
    const linus = this.addMember(teamId, 'Linus Torvalds');
    this.addMember(teamId, 'Vera Viewer', 'viewer');
    const product = this.people.addDepartment(teamId, 'Product design', ada);
    const research = this.people.addDepartment(teamId, 'Research');
    this.people.setProfile(teamId, this.me, { title: 'Design lead', skills: ['facilitation', 'figma'], department: product });
    this.people.setProfile(teamId, ada, { title: 'Senior designer', department: product, reportsTo: this.me, skills: ['typography'] });
    this.people.setProfile(teamId, grace, { title: 'Researcher', department: research, reportsTo: this.me, skills: ['interviews'] });
    this.people.setProfile(teamId, linus, { title: 'Design engineer', department: product, reportsTo: ada });

    const q1 = this.assessments.addAssessment(teamId, {
      title: 'Quarterly check-in',
      templateId: 'builtin:quarterly-check-in',
      createdAt: this.now() - 90 * day,
    });
    this.assessments.assignStored(q1, [ada, grace, linus], this.dayFromToday(-80));
    const answers = (goals: number, met: string, overloaded: number, focus: number, support: number) => ({
      'goals-clear': { type: 'number' as const, value: goals },
      'goals-met': { type: 'choice' as const, value: met },
      overloaded: { type: 'number' as const, value: overloaded },
      focus: { type: 'number' as const, value: focus },
      support: { type: 'number' as const, value: support },
    });
    this.assessments.respondAs(q1, ada, answers(5, 'Most', 2, 24, 4), true);
    this.assessments.respondAs(q1, grace, answers(3, 'Some', 4, 12, 3), true);
    this.assessments.respondAs(q1, linus, answers(4, 'All', 3, 30, 5), true);
    this.assessments.reviewStored(q1, ada, 'approved');
    this.assessments.reviewStored(q1, grace, 'approved');
    this.assessments.reviewStored(q1, linus, 'approved');

    const q2 = this.assessments.addRun(q1, { createdAt: this.now() - 2 * day });
    this.assessments.assignStored(q2, [ada, grace, linus], this.dayFromToday(5));
    this.assessments.respondAs(q2, ada, { ...answers(4, 'All', 2, 28, 5), next: { type: 'text', value: 'Fewer meetings on Mondays.' } }, true);
    this.assessments.respondAs(q2, grace, { 'goals-clear': { type: 'number', value: 4 } });

    const onboarding = this.assessments.addAssessment(teamId, {
      title: 'Onboarding review',
      templateId: 'builtin:onboarding-30',
      owner: ada,
      createdAt: this.now() - day,
    });
    this.assessments.assignStored(onboarding, [this.me], this.dayFromToday(2));
    this.seedPulse(teamId);
  }

  /**
   * A weekly pulse that started three weeks ago: two earlier weeks with figures
   * (the second with more answers than it shows), and this week still below the
   * threshold and not answered by me.
   */
  private seedPulse(teamId: string): void {
    const starts = this.dayFromToday(-21);
    const pulse = this.pulses.addPulse(teamId, {
      title: 'Weekly pulse',
      questions: ['I can focus on my work.', 'I know what is expected of me this week.', 'I feel supported by my team.'],
      cadence: 'weekly',
      starts,
      allowComment: true,
      createdBy: this.me,
    });
    const week = (n: number) => this.dayFromToday(-21 + 7 * n);
    const product = this.people.departmentIds(teamId)[0] ?? null;
    const first: [number, number, number][] = [[4, 4, 5], [3, 4, 4], [2, 3, 4], [4, 5, 5], [3, 3, 4], [5, 4, 4]];
    first.forEach((v, i) =>
      this.pulses.answerAs(pulse, `anon-a${i}`, v, {
        period: week(0),
        department: i < 3 ? product : null,
        comment: i === 1 ? 'Fewer interruptions on Mondays would help.' : i === 4 ? 'A clear plan for the release.' : undefined,
      }),
    );
    const second: [number, number, number][] = [
      [4, 4, 4], [4, 5, 5], [3, 4, 4], [5, 5, 5], [4, 3, 4], [2, 3, 3], [4, 4, 5], [3, 3, 4], [4, 4, 4], [5, 4, 5], [3, 4, 4],
    ];
    second.forEach((v, i) =>
      this.pulses.answerAs(pulse, `anon-b${i}`, v, {
        period: week(1),
        department: i < 5 ? product : null,
        comment: i === 2 ? 'Good week, the demo went well.' : i === 7 ? 'Too many meetings.' : undefined,
      }),
    );
    [[3, 4, 4], [4, 4, 5], [2, 3, 4]].forEach((v, i) => this.pulses.answerAs(pulse, `anon-c${i}`, v, { period: week(2) }));
    [[4, 4, 4], [3, 5, 4]].forEach((v, i) => this.pulses.answerAs(pulse, `anon-d${i}`, v, { period: week(3) }));
  }
}

/** Wraps each occurrence of any query word in \u0002 … \u0003, as the core's search does. */
function highlight(source: string, words: string[]): string {
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return source.replace(new RegExp(`(${escaped.join('|')})`, 'gi'), '\u0002$1\u0003');
}

/** Routes every `invoke` of this window to a new fake core, and returns it. */
export function installFakeBackend(options: FakeBackendOptions = {}): FakeBackend {
  const backend = new FakeBackend(options);
  mockIPC((cmd, payload) => backend.handle(cmd, payload), { shouldMockEvents: true });
  return backend;
}

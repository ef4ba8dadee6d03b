// An in-memory stand-in for the Rust core, following docs/ipc.md: the same
// commands, shapes, validation rules and error codes. The tests drive the UI
// against it, and `vite dev` in a plain browser uses it so the UI can be tried
// without a Tauri build. It is never part of a production bundle.
import { mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import type { InvokeArgs } from '@tauri-apps/api/core';
import type {
  Account,
  AppError,
  BoardSummary,
  Comment,
  DocChangedPayload,
  Identity,
  Member,
  Priority,
  Role,
  SearchHit,
  Status,
  SyncStatus,
  TaskDetail,
  TaskSummary,
  TeamSummary,
} from '../api/types';
import { FakeAssessments } from './fakeAssessments';
import { FakeBilling } from './fakeBilling';
import { FakeBoardTools } from './fakeBoardTools';
import { FakeChat } from './fakeChat';
import { checkedDate, checkedText, NOT_HANDLED, type FakeHost } from './fakeHost';
import { FakeMarket } from './fakeMarket';
import { FakePeople } from './fakePeople';
import { FakePulses } from './fakePulses';

const STATUS_ORDER: Status[] = ['todo', 'in_progress', 'in_review', 'done'];
const PRIORITIES: Priority[] = ['none', 'low', 'medium', 'high', 'urgent'];
const ROLES: Role[] = ['owner', 'manager', 'member', 'viewer'];
const MAX_TITLE = 300;
const MAX_DESCRIPTION = 100_000;
const MAX_COMMENT = 10_000;
const MAX_LABEL = 40;
const MAX_LABELS = 20;

interface FakeTask {
  id: string;
  boardId: string;
  title: string;
  description: string;
  status: Status;
  position: number;
  assignee: string | null;
  due: string | null;
  priority: Priority;
  labels: string[];
  dependsOn: string[];
  comments: Omit<Comment, 'authorName'>[];
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

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
        this.team(teamId).boardIds.flatMap((id) =>
          [...(this.boards.get(id)?.tasks.values() ?? [])]
            .filter((t) => t.status !== 'done' && t.assignee !== null)
            .map((t) => ({ assignee: t.assignee as string, due: t.due })),
        ),
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
        for (const other of board.tasks.values()) other.dependsOn = other.dependsOn.filter((d) => d !== task.id);
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
        task.updatedAt = this.now();
        this.changed(board.id, 'board', board.teamId);
        return this.detail(board, task);
      }
      case 'comment_add': {
        const board = this.writableBoard(a.boardId);
        const task = this.task(board, a.taskId);
        const comment = { id: this.id('comment'), author: this.me, body: checkedText(fail, 'a comment', a.body, MAX_COMMENT), createdAt: this.now() };
        task.comments.push(comment);
        task.updatedAt = this.now();
        this.changed(board.id, 'board', board.teamId);
        return { ...comment, authorName: this.users.get(this.me) ?? '' };
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

  private summary(board: FakeBoard, task: FakeTask): TaskSummary {
    const blockedBy = task.dependsOn.filter((id) => {
      const dep = board.tasks.get(id);
      return dep !== undefined && dep.status !== 'done';
    });
    return {
      id: task.id,
      boardId: board.id,
      title: task.title,
      status: task.status,
      position: task.position,
      assignee: task.assignee,
      due: task.due,
      priority: task.priority,
      labels: [...task.labels],
      blockedBy,
      commentCount: task.comments.length,
      updatedAt: task.updatedAt,
    };
  }

  private summaries(board: FakeBoard): TaskSummary[] {
    return [...board.tasks.values()]
      .sort((x, y) => STATUS_ORDER.indexOf(x.status) - STATUS_ORDER.indexOf(y.status) || x.position - y.position)
      .map((t) => this.summary(board, t));
  }

  private detail(board: FakeBoard, task: FakeTask): TaskDetail {
    return {
      ...this.summary(board, task),
      description: task.description,
      dependsOn: [...task.dependsOn],
      comments: task.comments.map((c) => ({ ...c, authorName: this.users.get(c.author) ?? 'Unknown' })),
      createdBy: task.createdBy,
      createdAt: task.createdAt,
    };
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
          status: task.status,
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
    const board: FakeBoard = { id: this.id('board'), teamId: team.id, name, tasks: new Map() };
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
  insertTask(boardId: string, fields: Partial<FakeTask> & { title: string }): FakeTask {
    const board = this.board(boardId);
    const status = fields.status ?? 'todo';
    const task: FakeTask = {
      id: this.id('task'),
      boardId,
      description: '',
      status,
      position: this.endOfColumn(board, status),
      assignee: null,
      due: null,
      priority: 'none',
      labels: [],
      dependsOn: [],
      comments: [],
      createdBy: this.me,
      createdAt: this.now(),
      updatedAt: this.now(),
      ...fields,
    };
    board.tasks.set(task.id, task);
    return task;
  }

  private endOfColumn(board: FakeBoard, status: Status): number {
    return [...board.tasks.values()].filter((t) => t.status === status).reduce((m, t) => Math.max(m, t.position), 0) + 1;
  }

  private createTask(a: Record<string, unknown>): TaskDetail {
    const board = this.board(a.boardId);
    const title = checkedText(fail, 'a task title', a.title, MAX_TITLE);
    const status = a.status === undefined ? 'todo' : (a.status as Status);
    if (!STATUS_ORDER.includes(status)) fail('invalid_input', `unknown status ${String(a.status)}`);
    // Like the core's create_task: any column, even In review without an assignee.
    const task = this.insertTask(board.id, { title, status });
    this.changed(board.id, 'board', board.teamId);
    return this.detail(board, task);
  }

  private updateTask(a: Record<string, unknown>): TaskDetail {
    const board = this.board(a.boardId);
    const task = this.task(board, a.taskId);
    const patch = (a.patch ?? {}) as Record<string, unknown>;
    const allowed = ['title', 'description', 'assignee', 'due', 'priority', 'labels'];
    const unknown = Object.keys(patch).find((k) => !allowed.includes(k));
    if (unknown) fail('invalid_input', `unknown field \`${unknown}\``);
    // Check everything before writing anything, like the core.
    const title = patch.title === undefined ? undefined : checkedText(fail, 'a task title', patch.title, MAX_TITLE);
    let description: string | undefined;
    if (patch.description !== undefined) {
      description = String(patch.description);
      if ([...description].length > MAX_DESCRIPTION) fail('too_long', `a description is too long (at most ${MAX_DESCRIPTION} characters)`);
    }
    const due = patch.due === undefined ? undefined : patch.due === null ? null : checkedDate(fail, String(patch.due));
    const labels = patch.labels === undefined ? undefined : normalizeLabels(patch.labels);
    if (patch.priority !== undefined && !PRIORITIES.includes(patch.priority as Priority)) fail('invalid_input', 'unknown priority');
    let assignee: string | null | undefined;
    if (patch.assignee !== undefined) {
      assignee = patch.assignee === null ? null : String(patch.assignee);
      const team = this.team(board.teamId);
      if (assignee !== null && !team.members.some((m) => m.userId === assignee)) {
        fail('not_found', `member \`${assignee}\` does not exist`);
      }
      if (assignee === null && task.status === 'in_review') {
        fail('invalid_transition', 'cannot move a task to In review: a task in review needs an assignee');
      }
    }
    if (title !== undefined) task.title = title;
    if (description !== undefined) task.description = description;
    if (assignee !== undefined) task.assignee = assignee;
    if (due !== undefined) task.due = due;
    if (patch.priority !== undefined) task.priority = patch.priority as Priority;
    if (labels !== undefined) task.labels = labels;
    task.updatedAt = this.now();
    this.changed(board.id, 'board', board.teamId);
    return this.detail(board, task);
  }

  private moveTask(a: Record<string, unknown>): TaskDetail {
    const board = this.board(a.boardId);
    const task = this.task(board, a.taskId);
    const status = a.status as Status;
    if (!STATUS_ORDER.includes(status)) fail('invalid_input', `unknown status ${String(a.status)}`);
    if (status === 'in_review' && task.assignee === null) {
      fail('invalid_transition', 'cannot move a task to In review: assign the task first, so someone\'s work can be reviewed');
    }
    if (status === 'done' && a.force !== true) {
      const blockers = this.summary(board, task).blockedBy;
      if (blockers.length) {
        fail('task_blocked', `the task is blocked by ${blockers.length} unfinished task(s); confirm to move it to Done anyway`);
      }
    }
    const others = [...board.tasks.values()].filter((t) => t.status === status && t.id !== task.id);
    let position: number;
    if (typeof a.beforeTaskId === 'string') {
      const anchor = others.find((t) => t.id === a.beforeTaskId) ?? fail('not_found', `task in that column \`${a.beforeTaskId}\` does not exist`);
      const previous = others.filter((t) => t.position < anchor.position).map((t) => t.position);
      position = previous.length ? (Math.max(...previous) + anchor.position) / 2 : anchor.position - 1;
    } else if (task.status === status) {
      position = task.position;
    } else {
      position = others.reduce((m, t) => Math.max(m, t.position), 0) + 1;
    }
    task.status = status;
    task.position = position;
    task.updatedAt = this.now();
    this.changed(board.id, 'board', board.teamId);
    return this.detail(board, task);
  }

  private addDependency(a: Record<string, unknown>): TaskDetail {
    const board = this.board(a.boardId);
    const task = this.task(board, a.taskId);
    const dep = this.task(board, a.dependsOn);
    if (dep.id === task.id) fail('self_dependency', 'a task cannot depend on itself');
    const path = this.pathBetween(board, dep.id, task.id);
    if (path) {
      const titles = [task.id, ...path].map((id) => board.tasks.get(id)?.title ?? id);
      fail('dependency_cycle', `this dependency would create a cycle: ${titles.join(' → ')}`);
    }
    if (!task.dependsOn.includes(dep.id)) task.dependsOn.push(dep.id);
    task.updatedAt = this.now();
    this.changed(board.id, 'board', board.teamId);
    return this.detail(board, task);
  }

  /** A dependency path from `from` to `to`, if one exists. */
  private pathBetween(board: FakeBoard, from: string, to: string, seen = new Set<string>()): string[] | null {
    if (from === to) return [to];
    if (seen.has(from)) return null;
    seen.add(from);
    for (const next of board.tasks.get(from)?.dependsOn ?? []) {
      const rest = this.pathBetween(board, next, to, seen);
      if (rest) return [from, ...rest];
    }
    return null;
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
      assignee: ada,
      priority: 'high',
      labels: ['sync', 'docs'],
      due: iso(3),
      description: 'Describe how peers exchange document changes, and what happens when they reconnect after a long time offline.',
    });
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

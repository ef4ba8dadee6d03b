// Mirrors docs/ipc.md exactly; keep the two in step.

export type Role = 'owner' | 'manager' | 'member' | 'viewer';
export type Status = 'todo' | 'in_progress' | 'in_review' | 'done';
export type Priority = 'none' | 'low' | 'medium' | 'high' | 'urgent';

export interface AppError {
  code: string;
  message: string;
}

export interface Identity {
  userId: string;
  name: string;
}

export interface BoardSummary {
  id: string;
  teamId: string;
  name: string;
  taskCount: number;
}

export interface TeamSummary {
  id: string;
  name: string;
  role: Role;
  memberCount: number;
  boards: BoardSummary[];
}

export interface Member {
  userId: string;
  name: string;
  role: Role;
}

export interface TaskSummary {
  id: string;
  boardId: string;
  title: string;
  /** The category of its column: Done means done, wherever it sits. */
  status: Status;
  /** The id of its column on its board (BoardDetail.columns). */
  column: string;
  position: number;
  /** The first of `assignees`. */
  assignee: string | null;
  /** Everyone on it, in the order they were added. */
  assignees: string[];
  /** YYYY-MM-DD */
  start: string | null;
  /** YYYY-MM-DD */
  due: string | null;
  estimateMinutes: number | null;
  priority: Priority;
  labels: string[];
  /** A subtask's parent, on the same board. */
  parentId: string | null;
  /** Ids of the tasks it depends on, done or not (any board of the team). */
  dependsOn: string[];
  subtaskCount: number;
  checklistDone: number;
  checklistTotal: number;
  /** Ids of unfinished tasks this one depends on (any board of the team). */
  blockedBy: string[];
  commentCount: number;
  /** Milliseconds since the epoch. */
  updatedAt: number;
}

export interface Comment {
  id: string;
  author: string;
  authorName: string;
  body: string;
  createdAt: number;
}

export interface ChecklistItem {
  id: string;
  text: string;
  done: boolean;
}

/** Another task, named from wherever it lives (other boards of the team too). */
export interface TaskLink {
  taskId: string;
  boardId: string;
  boardName: string;
  title: string;
  status: Status;
}

export interface TaskDetail extends TaskSummary {
  description: string;
  comments: Comment[];
  createdBy: string;
  createdAt: number;
  checklist: ChecklistItem[];
  /** What dependsOn names, resolved (other boards too). */
  dependencies: TaskLink[];
  /** Tasks that depend on this one. */
  dependents: TaskLink[];
  subtasks: TaskLink[];
}

/** `snippet` wraps matched words in \u0002 … \u0003. */
export interface SearchHit {
  taskId: string;
  boardId: string;
  teamId: string;
  title: string;
  snippet: string;
  status: Status;
}

export type SyncState = 'local_only' | 'offline' | 'syncing' | 'synced';

export interface SyncStatus {
  state: SyncState;
  label: string;
  /** Local changes the relay has not acknowledged yet. */
  pendingChanges: number;
  /** Milliseconds since the epoch of the relay's last message. */
  lastHeardFrom: number | null;
  lastError: string | null;
  relayUrl: string | null;
  email: string | null;
}

/** This device's relay account; the token itself stays in the OS keyring. */
export interface Account {
  relayUrl: string;
  email: string;
  userId: string;
  /** Teams that live on the relay. */
  teams: string[];
}

export interface Invite {
  code: string;
  team_id: string;
  role: Role;
  expires_at: number;
  max_uses: number | null;
}

/**
 * Fields left out are kept; `null` clears.
 * The backend rejects unknown fields, so nothing else may go in here.
 */
export interface TaskPatch {
  title?: string;
  description?: string;
  /** Sets assignees to [assignee] or []. */
  assignee?: string | null;
  /** Members of the team, no repeats. */
  assignees?: string[];
  /** YYYY-MM-DD, on or before due. */
  start?: string | null;
  due?: string | null;
  /** 1 … 100000 */
  estimateMinutes?: number | null;
  priority?: Priority;
  labels?: string[];
  /** A task of the same board; no loops; a subtask has no subtasks of its own. */
  parentId?: string | null;
}

export interface DocChangedPayload {
  docId: string;
  kind: string;
  teamId: string | null;
}

export const DOC_CHANGED_EVENT = 'doc-changed';

// ----- Chat -----

export type ConversationKind = 'channel' | 'private' | 'direct';

export interface Conversation {
  id: string;
  teamId: string;
  kind: ConversationKind;
  /** A channel's name; for a direct message, the other people's names. */
  name: string;
  /** User ids; empty for a public channel (the whole team). */
  members: string[];
  createdBy: string;
  createdAt: number;
  /** Messages by others after my read marker. */
  unread: number;
  /** Of those, the ones that mention me or @channel. */
  unreadMentions: number;
  lastMessageAt: number | null;
  muted: boolean;
}

export interface Attachment {
  sha256: string;
  name: string;
  size: number;
  mime: string;
}

export interface Reaction {
  emoji: string;
  users: string[];
}

export interface ChatMessage {
  id: string;
  conversationId: string;
  author: string;
  authorName: string;
  /** '' once deleted. */
  body: string;
  createdAt: number;
  editedAt: number | null;
  deleted: boolean;
  /** The thread's root message. */
  replyTo: string | null;
  /** For a root: replies in its thread. */
  replyCount: number;
  /** User ids, and 'channel' for @channel. */
  mentions: string[];
  attachments: Attachment[];
  reactions: Reaction[];
  /** Saved here, not yet acknowledged by the relay. */
  pending: boolean;
}

export interface MessagePage {
  /** Thread roots and plain messages, oldest first. */
  messages: ChatMessage[];
  /** Pass `before: messages[0].createdAt` for the page above. */
  hasOlder: boolean;
  /** My read marker (ms), 0 if never read. */
  readAt: number;
  firstUnreadId: string | null;
}

export interface MessageEdit {
  body: string;
  editedAt: number;
}

/** `snippet` wraps matched words in \u0002 … \u0003, as for tasks. */
export interface MessageHit {
  messageId: string;
  conversationId: string;
  teamId: string;
  author: string;
  authorName: string;
  createdAt: number;
  snippet: string;
}

export type PresenceState = 'online' | 'idle' | 'offline';

export interface Presence {
  userId: string;
  state: PresenceState;
}

export interface ChatNotification {
  messageId: string;
  conversationId: string;
  teamId: string;
  kind: 'mention' | 'direct';
  author: string;
  authorName: string;
  body: string;
  createdAt: number;
  read: boolean;
}

/** dndStart / dndEnd are 'HH:MM' in local time. */
export interface NotificationSettings {
  muted: string[];
  dndStart: string | null;
  dndEnd: string | null;
}

/** Narrowing filters of message_search; every one given narrows. */
export interface MessageSearchFilters {
  teamId?: string | null;
  conversationId?: string | null;
  author?: string | null;
  /** Milliseconds since the epoch. */
  after?: number | null;
  before?: number | null;
}

export interface LiveSignalPayload {
  /** 'read' (a read receipt: someone's read marker moved) is sent by the shell but not in docs/ipc.md yet. */
  kind: 'presence' | 'typing' | 'read';
  teamId: string;
  conversationId: string | null;
  userId: string;
}

export interface TransferProgressPayload {
  sha256: string;
  name: string;
  done: number;
  total: number;
}

export interface NotificationClickedPayload {
  conversationId: string;
  messageId: string;
  teamId: string;
}

export const LIVE_SIGNAL_EVENT = 'live-signal';
export const TRANSFER_PROGRESS_EVENT = 'transfer-progress';
export const NOTIFICATION_CLICKED_EVENT = 'notification-clicked';

// ----- People and assessments -----

export interface Person {
  userId: string;
  name: string;
  role: Role;
  title: string | null;
  /** A department id. */
  department: string | null;
  /** A user id. */
  reportsTo: string | null;
  skills: string[];
  joinedAt: number;
}

export interface Department {
  id: string;
  name: string;
  lead: string | null;
  members: number;
}

export interface TeamPeople {
  people: Person[];
  departments: Department[];
}

export interface Workload {
  userId: string;
  name: string;
  openTasks: number;
  overdueTasks: number;
  openAssessments: number;
  overdueAssessments: number;
}

export type QuestionKind =
  | { type: 'single_choice'; options: string[] }
  | { type: 'multiple_choice'; options: string[] }
  /** 1 (strongly disagree) … 5 (strongly agree). */
  | { type: 'likert' }
  | { type: 'scale'; min: number; max: number }
  | { type: 'yes_no' }
  | { type: 'free_text' };

export type QuestionType = QuestionKind['type'];

export type Scoring =
  | { rule: 'none' }
  /** Likert and scale questions. */
  | { rule: 'linear'; reverse: boolean }
  /** Choice questions: one number per option. */
  | { rule: 'points'; points: number[] }
  /** Yes/no questions. */
  | { rule: 'expect'; yes: boolean };

export interface Question {
  id: string;
  prompt: string;
  kind: QuestionKind;
  weight: number;
  required: boolean;
  scoring: Scoring;
}

export interface Section {
  id: string;
  title: string;
  questions: Question[];
}

export interface Template {
  /** 'builtin:…' for the built-in ones, which cannot be changed; empty for a new one. */
  id: string;
  title: string;
  description: string;
  sections: Section[];
  createdBy: string;
  updatedAt: number;
}

export type Answer =
  | { type: 'choice'; value: string }
  | { type: 'choices'; value: string[] }
  | { type: 'number'; value: number }
  | { type: 'yes_no'; value: boolean }
  | { type: 'text'; value: string };

export type Progress = 'not_started' | 'in_progress' | 'submitted' | 'changes_requested' | 'approved';
export type Decision = 'approved' | 'changes_requested' | 'rescored';
export type Assignees = { to: 'people'; ids: string[] } | { to: 'department'; ids: string };

export interface AssessmentSummary {
  id: string;
  teamId: string;
  title: string;
  owner: string;
  series: string;
  run: number;
  createdAt: number;
  assigned: number;
  submitted: number;
  approved: number;
  overdue: number;
}

export interface InboxItem {
  assessmentId: string;
  teamId: string;
  title: string;
  owner: string;
  due: string | null;
  progress: Progress;
  overdue: boolean;
  round: number;
  answered: number;
}

export interface Review {
  round: number;
  decision: Decision;
  autoScore: number | null;
  score: number | null;
  overrideReason: string | null;
  feedback: string | null;
  by: string;
  at: number;
}

export interface AssignmentView {
  userId: string;
  name: string;
  department: string | null;
  due: string | null;
  progress: Progress;
  overdue: boolean;
  round: number;
  nudges: number;
  /** The rules' score of what was submitted (0–100). */
  autoScore: number | null;
  /** The score that counts, once approved. */
  score: number | null;
  /** Oldest first; every override keeps its reason. */
  reviews: Review[];
}

export interface ResponseView {
  status: 'draft' | 'submitted';
  round: number;
  /** By question id. */
  answers: Record<string, Answer>;
  submittedAt: number | null;
  /** The assignee may still change it. */
  editable: boolean;
  /** The manager's, when changes were requested. */
  feedback: string | null;
}

export interface AssessmentDetail {
  id: string;
  teamId: string;
  title: string;
  description: string;
  owner: string;
  isOwner: boolean;
  series: string;
  run: number;
  templateId: string | null;
  sections: Section[];
  assignments: AssignmentView[];
  /** When it is assigned to me. */
  myResponse: ResponseView | null;
}

export interface QuestionResult {
  id: string;
  section: string;
  prompt: string;
  kind: QuestionKind;
  answered: number;
  /** Of numeric answers. */
  mean: number | null;
  /** Mean share of the question's points, 0–100. */
  averageScore: number | null;
  /** Each option or value, in order, and how often it was picked. */
  counts: [string, number][];
  /** Free-text answers. */
  texts: string[];
}

export interface MemberResult {
  userId: string;
  name: string;
  department: string | null;
  progress: Progress;
  due: string | null;
  autoScore: number | null;
  score: number | null;
  overrideReason: string | null;
  /** Question id → 0–100. */
  questionScores: Record<string, number>;
  /** Question id → the answer as text. */
  answers: Record<string, string>;
}

export interface DepartmentResult {
  id: string;
  name: string;
  assigned: number;
  submitted: number;
  averageScore: number | null;
}

export interface AssessmentResults {
  title: string;
  series: string;
  run: number;
  assigned: number;
  submitted: number;
  approved: number;
  averageScore: number | null;
  questions: QuestionResult[];
  members: MemberResult[];
  departments: DepartmentResult[];
}

export interface TrendPoint {
  assessmentId: string;
  run: number;
  createdAt: number;
  submitted: number;
  averageScore: number | null;
}

/** assessment_create's `input`: a template, or questions of its own (or both: a customised template). */
export interface NewAssessment {
  title: string;
  description?: string;
  templateId?: string;
  sections?: Section[];
}

export interface ReviewInput {
  decision: Decision;
  /** 0–100 in place of the automatic score; needs `overrideReason`. */
  scoreOverride?: number;
  overrideReason?: string;
  /** Required with `changes_requested`. */
  feedback?: string;
}

export type ExportFormat = 'csv' | 'json';

export interface ReminderClickedPayload {
  /** Empty for a pulse survey's reminder. */
  assessmentId: string;
  /** Set for a pulse survey's new period; null (or absent from an older shell) for an assessment's reminder. */
  pulseId?: string | null;
  teamId: string;
  /** The assignee the reminder is about: this person, or for `late` the one who is late. */
  userId: string;
}

export const REMINDER_CLICKED_EVENT = 'reminder-clicked';

// ----- Pulse surveys -----

export type Cadence = 'weekly' | 'biweekly' | 'monthly';

export interface PulseQuestion {
  id: string;
  prompt: string;
}

export interface PulseView {
  id: string;
  title: string;
  /** Each answered 1 (strongly disagree) … 5 (strongly agree). */
  questions: PulseQuestion[];
  allowComment: boolean;
  cadence: Cadence;
  /** YYYY-MM-DD: the first period starts that day. */
  starts: string;
  active: boolean;
  createdBy: string;
  createdAt: number;
  /** The current period's first day; null before the survey starts. */
  currentPeriod: string | null;
  /** I answered the current period. */
  answered: boolean;
  /** The team's anonymity threshold now (members read it here; results are for managers). */
  threshold: number;
}

export interface PulseQuestionFigures {
  count: number;
  mean: number;
  /** How many answered 1, 2, 3, 4 and 5. */
  distribution: number[];
}

export interface PulseDepartmentFigures {
  count: number;
  /** Question id → mean. */
  means: Record<string, number>;
}

export interface PulsePeriod {
  /** The period's first day, YYYY-MM-DD. */
  period: string;
  /** Answers so far. */
  received: number;
  /** Answers the figures cover; 0: nothing shown yet. */
  published: number;
  threshold: number;
  questions: Record<string, PulseQuestionFigures>;
  /** Alphabetical, never in answer order. */
  comments: string[];
  /** By department id. */
  departments: Record<string, PulseDepartmentFigures>;
}

export interface PulseResults {
  pulseId: string;
  threshold: number;
  /** Newest first. */
  periods: PulsePeriod[];
}

/** pulse_save's `input`: no id for a new survey; questions are prompts (fixed once it started). */
export interface PulseInput {
  id?: string;
  title: string;
  questions: string[];
  allowComment: boolean;
  cadence: Cadence;
  /** YYYY-MM-DD; today when left out. */
  starts?: string;
  active?: boolean;
}

// ----- Billing and market data -----

export type BillingStatus = 'active' | 'trialing' | 'past_due' | 'canceled';

/** null: no limit. */
export interface PlanLimits {
  members: number | null;
  boards: number | null;
}

export interface Plan {
  id: string;
  name: string;
  price: string | null;
  limits: PlanLimits;
  purchasable: boolean;
}

export interface BillingUsage {
  members: number;
  boards: number;
}

export interface BillingView {
  teamId: string;
  /** false: this relay has no billing (self-hosted: no limits), or the team is not on a relay. */
  enabled: boolean;
  plan: string;
  planName: string;
  status: BillingStatus;
  limits: PlanLimits;
  usage: BillingUsage;
  /** Milliseconds since the epoch. */
  currentPeriodEnd: number | null;
  /** Milliseconds; set while past_due: writes stop after it. */
  graceUntil: number | null;
  /** Past due beyond the grace period: everything reads, nothing writes. */
  readOnly: boolean;
  /** Owners only: upgrade, manage billing, invoices. */
  canManage: boolean;
  /** From the relay; [] offline. */
  plans: Plan[];
}

/** Amounts are in the currency's smallest unit (cents for USD). */
export interface Invoice {
  id: string;
  number: string | null;
  status: string;
  amountDue: number;
  amountPaid: number;
  currency: string;
  created: number;
  hostedInvoiceUrl: string | null;
}

export interface Freshness {
  /** Milliseconds since the epoch. */
  fetchedAt: number;
  ageSeconds: number;
  stale: boolean;
  offline: boolean;
}

export interface Quote {
  symbol: string;
  current: number;
  change: number | null;
  changePercent: number | null;
  high: number;
  low: number;
  open: number;
  previousClose: number;
  /** Seconds since the epoch. */
  time: number;
}

export interface WatchItem {
  symbol: string;
  quote: Quote | null;
  freshness: Freshness | null;
  error: AppError | null;
}

export interface NewsItem {
  headline: string;
  source: string;
  summary: string;
  url: string;
  /** Seconds since the epoch. */
  datetime: number;
}

export interface NewsFeed {
  items: NewsItem[];
  freshness: Freshness;
}

export interface Headline {
  title: string;
  source: string;
  description: string | null;
  url: string;
  /** Milliseconds since the epoch. */
  publishedAt: number;
}

export interface HeadlineFeed {
  items: Headline[];
  freshness: Freshness;
}

// ----- Board tools: time tracking, files, bulk edits -----

export interface TimeEntry {
  id: string;
  boardId: string;
  taskId: string;
  taskTitle: string;
  userId: string;
  /** ms since epoch */
  startedAt: number;
  /** null: the timer runs */
  endedAt: number | null;
  note: string | null;
  /** Until now while running. */
  durationMs: number;
}

export interface TimeTotals {
  byTask: [taskId: string, title: string, ms: number][];
  byPerson: [userId: string, ms: number][];
  /** Weeks as 2026-W48. */
  byWeek: [isoWeek: string, ms: number][];
}

/** Lines count from 1, the header included. */
export interface RowProblem {
  line: number;
  message: string;
}

export interface ImportReport {
  /** Titles of the tasks the file creates (or would create, in a preview). */
  tasks: string[];
  problems: RowProblem[];
  applied: boolean;
}

export type BulkAction =
  | { kind: 'move'; column: string; force: boolean }
  | { kind: 'assign'; assignee: string | null }
  | { kind: 'label'; label: string }
  | { kind: 'delete' };

export interface BulkResult {
  changed: number;
  undoId: string;
}

// ----- Boards in depth: columns, views, checklists, activity -----

export interface Column {
  id: string;
  name: string;
  /** The category: what moving here means. */
  status: Status;
  /** A warning, never a refusal. */
  wipLimit: number | null;
}

/** Every field given narrows. */
export interface TaskQuery {
  teamId?: string;
  boardId?: string;
  status?: Status;
  column?: string;
  /** Anyone among a task's assignees. */
  assignee?: string;
  label?: string;
  priority?: Priority;
  /** Inclusive, YYYY-MM-DD; tasks with no due date are left out. */
  dueBefore?: string;
  /** Due before today and not done. */
  overdue?: boolean;
  /** true: only blocked tasks; false: only unblocked ones. */
  blocked?: boolean;
  /** A task's subtasks. */
  parentId?: string;
}

/** Kept in the board: the team shares them. */
export interface SavedView {
  id: string;
  name: string;
  query: TaskQuery;
}

export interface BoardDetail {
  id: string;
  teamId: string;
  name: string;
  /** In board order. */
  columns: Column[];
  views: SavedView[];
}

export interface ActivityEntry {
  /** The change's hash: hand it back to read an old description. */
  hash: string;
  /** ms since epoch */
  at: number;
  userId: string | null;
  /** Who made it ("Someone" when the change names no author). */
  name: string;
  /**
   * What it touched: 'created', 'title', 'description', 'column', 'status',
   * 'assignees', 'start', 'due', 'estimate', 'priority', 'labels',
   * 'dependencies', 'checklist', 'comments', 'time', 'parent'.
   */
  fields: string[];
}

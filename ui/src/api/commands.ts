// One typed wrapper per Tauri command in docs/ipc.md. Every wrapper rejects with
// an AppError, so callers only ever have to handle one error shape.
import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import { toAppError } from './errors';
import type {
  Account,
  AssessmentDetail,
  AssessmentResults,
  AssessmentSummary,
  Assignees,
  Answer,
  Attachment,
  ExportFormat,
  InboxItem,
  NewAssessment,
  ReviewInput,
  Section,
  TeamPeople,
  Template,
  TrendPoint,
  Workload,
  PulseInput,
  PulseResults,
  PulseView,
  BillingView,
  BoardSummary,
  ChatMessage,
  ChatNotification,
  Conversation,
  HeadlineFeed,
  Invite,
  Invoice,
  Comment,
  Identity,
  Member,
  MessageEdit,
  MessageHit,
  MessagePage,
  MessageSearchFilters,
  NewsFeed,
  NotificationSettings,
  Presence,
  Role,
  SearchHit,
  Status,
  SyncStatus,
  TaskDetail,
  TaskPatch,
  TaskSummary,
  TeamSummary,
  WatchItem,
  BulkAction,
  BulkResult,
  ImportReport,
  TimeEntry,
  TimeTotals,
  ActivityEntry,
  BoardDetail,
  TaskQuery,
} from './types';

/** Leaves out fields that are undefined: optional arguments are absent, never null. */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toAppError(error);
  }
}

export const identityGet = () => call<Identity>('identity_get');

export const identitySetName = (name: string) => call<Identity>('identity_set_name', { name });

export const teamList = () => call<TeamSummary[]>('team_list');

export const teamCreate = (name: string) => call<TeamSummary>('team_create', { name });

export const teamRename = (teamId: string, name: string) =>
  call<TeamSummary>('team_rename', { teamId, name });

export const memberList = (teamId: string) => call<Member[]>('member_list', { teamId });

export const memberAdd = (teamId: string, name: string, role: Role) =>
  call<Member>('member_add', { teamId, name, role });

export const boardList = (teamId: string) => call<BoardSummary[]>('board_list', { teamId });

export const boardCreate = (teamId: string, name: string) =>
  call<BoardSummary>('board_create', { teamId, name });

export const taskList = (boardId: string) => call<TaskSummary[]>('task_list', { boardId });

export const taskGet = (boardId: string, taskId: string) =>
  call<TaskDetail>('task_get', { boardId, taskId });

export interface CreateOptions {
  status?: Status;
  /** A column id; wins over `status`. Without either, the first To do column. */
  column?: string;
  /** Makes the new task a subtask of this one (same board). */
  parentId?: string;
}

export const taskCreate = (boardId: string, title: string, options: CreateOptions = {}) =>
  call<TaskDetail>('task_create', { boardId, title, ...definedOnly(options) });

/** Every field given narrows; across the team's boards when only `teamId` is given. */
export const taskQuery = (query: TaskQuery) => call<TaskSummary[]>('task_query', { query: definedOnly(query) });

export const taskUpdate = (boardId: string, taskId: string, patch: TaskPatch) =>
  call<TaskDetail>('task_update', { boardId, taskId, patch: { ...patch } });

export interface MoveArgs {
  boardId: string;
  taskId: string;
  /** A column id of the board (the default columns' ids are the status names). */
  column: string;
  /** Land just before this task of the target column; null means last. */
  beforeTaskId?: string | null;
  /** Move to Done despite unfinished dependencies (the user confirmed). */
  force?: boolean;
}

export const taskMove = ({ boardId, taskId, column, beforeTaskId = null, force = false }: MoveArgs) =>
  call<TaskDetail>('task_move', { boardId, taskId, column, beforeTaskId, force });

export const taskDelete = (boardId: string, taskId: string) =>
  call<null>('task_delete', { boardId, taskId });

export const taskAddDependency = (boardId: string, taskId: string, dependsOn: string) =>
  call<TaskDetail>('task_add_dependency', { boardId, taskId, dependsOn });

export const taskRemoveDependency = (boardId: string, taskId: string, dependsOn: string) =>
  call<TaskDetail>('task_remove_dependency', { boardId, taskId, dependsOn });

export const commentAdd = (boardId: string, taskId: string, body: string) =>
  call<Comment>('comment_add', { boardId, taskId, body });

export const taskSearch = (query: string, teamId: string | null) =>
  call<SearchHit[]>('task_search', { query, teamId });

export const syncStatus = () => call<SyncStatus>('sync_status');

export const accountGet = () => call<Account | null>('account_get');

export const accountSignUp = (relayUrl: string, email: string, password: string) =>
  call<Account>('account_sign_up', { relayUrl, email, password });

export const accountLogIn = (relayUrl: string, email: string, password: string) =>
  call<Account>('account_log_in', { relayUrl, email, password });

export const accountLogOut = () => call<null>('account_log_out');

export const teamPublish = (teamId: string) => call<null>('team_publish', { teamId });

export interface InviteOptions {
  /** 1 hour to 90 days (2160); the relay's default is a week. */
  expiresInHours?: number;
  /** Any number of uses when left out. */
  maxUses?: number;
}

export const invitationCreate = (teamId: string, role: Role, options: InviteOptions = {}) =>
  call<Invite>('invitation_create', { teamId, role, ...definedOnly(options) });

/** Resolves to the id of the team joined. */
export const teamJoin = (code: string) => call<string>('team_join', { code });

// ----- Chat -----

export const conversationList = (teamId: string) => call<Conversation[]>('conversation_list', { teamId });

export const channelCreate = (teamId: string, name: string, isPrivate: boolean, members: string[]) =>
  call<Conversation>('channel_create', { teamId, name, private: isPrivate, members });

/** The direct conversation with exactly these people and me, made if new. */
export const directOpen = (teamId: string, members: string[]) =>
  call<Conversation>('direct_open', { teamId, members });

/** The newest page, or the page just above `before` (ms). */
export const messageList = (conversationId: string, before: number | null = null, limit?: number) =>
  call<MessagePage>(
    'message_list',
    limit === undefined ? { conversationId, before } : { conversationId, before, limit },
  );

/** The root, then its replies, oldest first. */
export const messageThread = (conversationId: string, messageId: string) =>
  call<ChatMessage[]>('message_thread', { conversationId, messageId });

export interface SendArgs {
  conversationId: string;
  body: string;
  replyTo?: string | null;
  attachments?: Attachment[];
}

export const messageSend = ({ conversationId, body, replyTo = null, attachments = [] }: SendArgs) =>
  call<ChatMessage>('message_send', { conversationId, body, replyTo, attachments });

export const messageEdit = (conversationId: string, messageId: string, body: string) =>
  call<ChatMessage>('message_edit', { conversationId, messageId, body });

export const messageDelete = (conversationId: string, messageId: string) =>
  call<ChatMessage>('message_delete', { conversationId, messageId });

/** Toggles my reaction. */
export const messageReact = (conversationId: string, messageId: string, emoji: string) =>
  call<ChatMessage>('message_react', { conversationId, messageId, emoji });

export const messageHistory = (conversationId: string, messageId: string) =>
  call<MessageEdit[]>('message_history', { conversationId, messageId });

/** User ids whose read marker is at or past the message. */
export const messageSeenBy = (conversationId: string, messageId: string) =>
  call<string[]>('message_seen_by', { conversationId, messageId });

/** `at` defaults to the newest message. */
export const conversationMarkRead = (conversationId: string, at?: number) =>
  call<null>('conversation_mark_read', at === undefined ? { conversationId } : { conversationId, at });

export const messageSearch = (query: string, filters: MessageSearchFilters = {}) =>
  call<MessageHit[]>('message_search', {
    query,
    teamId: filters.teamId ?? null,
    conversationId: filters.conversationId ?? null,
    author: filters.author ?? null,
    after: filters.after ?? null,
    before: filters.before ?? null,
  });

/**
 * Asks the person for a file in the native open dialog. Resolves with its path,
 * or null when they cancelled. (Not in docs/ipc.md yet: `attachment_pick`.)
 */
export const attachmentPick = () => call<string | null>('attachment_pick');

/** Stores a file on the relay (25 MB at most); progress arrives as `transfer-progress`. */
export const attachmentUpload = (conversationId: string, path: string) =>
  call<Attachment>('attachment_upload', { conversationId, path });

/** Resolves with a local file path; downloaded once, then cached. */
export const attachmentFetch = (conversationId: string, sha256: string, name: string) =>
  call<string>('attachment_fetch', { conversationId, sha256, name });

export const presenceList = (teamId: string) => call<Presence[]>('presence_list', { teamId });

export const presenceSet = (state: 'online' | 'idle') => call<null>('presence_set', { state });

export const typingNotify = (conversationId: string) => call<null>('typing_notify', { conversationId });

export const typingList = (conversationId: string) => call<string[]>('typing_list', { conversationId });

export const notificationList = () => call<ChatNotification[]>('notification_list');

export const notificationMarkAllRead = () => call<null>('notification_mark_all_read');

export const notificationSettingsGet = () => call<NotificationSettings>('notification_settings_get');

export const notificationSettingsSet = (settings: NotificationSettings) =>
  call<NotificationSettings>('notification_settings_set', { settings: { ...settings } });

// ----- People -----

export const peopleGet = (teamId: string) => call<TeamPeople>('people_get', { teamId });

/** Without `departmentId`: a new department. */
export const departmentSave = (teamId: string, name: string, departmentId?: string, lead?: string) =>
  call<TeamPeople>('department_save', { teamId, name, ...definedOnly({ departmentId, lead }) });

/** Its people stay, in no department. */
export const departmentRemove = (teamId: string, departmentId: string) =>
  call<TeamPeople>('department_remove', { teamId, departmentId });

/** Anyone for themself; managers for anyone. */
export const profileSet = (teamId: string, userId: string, title: string | null, skills: string[]) =>
  call<TeamPeople>('profile_set', { teamId, userId, title, skills: [...skills] });

/** Managers; a reporting loop is `invalid_input`. */
export const placementSet = (teamId: string, userId: string, department: string | null, reportsTo: string | null) =>
  call<TeamPeople>('placement_set', { teamId, userId, department, reportsTo });

/** Only owners make or unmake owners; the last owner stays (`last_owner`). */
export const memberSetRole = (teamId: string, userId: string, role: Role) =>
  call<TeamPeople>('member_set_role', { teamId, userId, role });

/** The relay revokes their access as soon as it has the change. */
export const memberRemove = (teamId: string, userId: string) =>
  call<TeamPeople>('member_remove', { teamId, userId });

export const workloadGet = (teamId: string) => call<Workload[]>('workload_get', { teamId });

// ----- Assessments -----

/** Built-in templates first. */
export const templateList = (teamId: string) => call<Template[]>('template_list', { teamId });

/** An empty id saves a new template. */
export const templateSave = (teamId: string, template: Template) =>
  call<Template>('template_save', { teamId, template: structuredClone(template) });

export const templateDelete = (teamId: string, templateId: string) =>
  call<null>('template_delete', { teamId, templateId });

/** Newest first. */
export const assessmentList = (teamId: string) => call<AssessmentSummary[]>('assessment_list', { teamId });

export const assessmentGet = (assessmentId: string) => call<AssessmentDetail>('assessment_get', { assessmentId });

export const assessmentCreate = (teamId: string, input: NewAssessment) =>
  call<AssessmentDetail>('assessment_create', { teamId, input: structuredClone(definedOnly(input)) });

/** Questions are fixed once assigned: leave `sections` out then. */
export const assessmentEdit = (assessmentId: string, title: string, description: string, sections?: Section[]) =>
  call<AssessmentDetail>('assessment_edit', {
    assessmentId,
    title,
    description,
    ...definedOnly({ sections: sections && structuredClone(sections) }),
  });

/** `due` is YYYY-MM-DD; viewers cannot be assigned. */
export const assessmentAssign = (assessmentId: string, to: Assignees, due?: string) =>
  call<AssessmentDetail>('assessment_assign', { assessmentId, to: structuredClone(to), ...definedOnly({ due }) });

export const assessmentUnassign = (assessmentId: string, userId: string) =>
  call<AssessmentDetail>('assessment_unassign', { assessmentId, userId });

/** One assignee's due date (YYYY-MM-DD), or null for none; the assessment's owner only. */
export const assessmentSetDue = (assessmentId: string, userId: string, due: string | null) =>
  call<AssessmentDetail>('assessment_set_due', { assessmentId, userId, due });

/** The next run of the series, for the same people. */
export const assessmentRunAgain = (assessmentId: string, due?: string) =>
  call<AssessmentDetail>('assessment_run_again', { assessmentId, ...definedOnly({ due }) });

/** The assignee gets a reminder. */
export const assessmentNudge = (assessmentId: string, userId: string) =>
  call<null>('assessment_nudge', { assessmentId, userId });

/** `changes_requested` needs feedback; an override needs a reason. */
export const assessmentReview = (assessmentId: string, userId: string, review: ReviewInput) =>
  call<AssessmentDetail>('assessment_review', { assessmentId, userId, review: definedOnly(review) });

/** Waiting on me first, soonest due first; then what I finished. */
export const assessmentInbox = () => call<InboxItem[]>('assessment_inbox');

/** Saves a draft answer on this device (null clears it). */
export const responseAnswer = (assessmentId: string, questionId: string, answer: Answer | null) =>
  call<AssessmentDetail>('response_answer', { assessmentId, questionId, answer: answer && structuredClone(answer) });

/** Rejects with `unanswered` while a required question is blank. */
export const responseSubmit = (assessmentId: string) => call<AssessmentDetail>('response_submit', { assessmentId });

export const assessmentResults = (assessmentId: string) =>
  call<AssessmentResults>('assessment_results', { assessmentId });

/** Every run of the assessment's series. */
export const assessmentTrend = (assessmentId: string) => call<TrendPoint[]>('assessment_trend', { assessmentId });

/** Asks where to save; resolves with the saved file's path, or null when cancelled. */
export const assessmentExport = (assessmentId: string, format: ExportFormat) =>
  call<string | null>('assessment_export', { assessmentId, format });

// ----- Pulse surveys -----

export const pulseList = (teamId: string) => call<PulseView[]>('pulse_list', { teamId });

/** Managers; no id saves a new survey; questions are fixed once it started (`invalid_input`). */
export const pulseSave = (teamId: string, input: PulseInput) =>
  call<PulseView>('pulse_save', { teamId, input: { ...definedOnly(input), questions: [...input.questions] } });

/** Managers; 3 to 10 people. Resolves with the threshold now in force. */
export const pulseThresholdSet = (teamId: string, threshold: number) =>
  call<number>('pulse_threshold_set', { teamId, threshold });

/** Once per period (`invalid_input` the second time); answers are question id → 1..5. */
export const pulseAnswer = (teamId: string, pulseId: string, answers: Record<string, number>, comment?: string) =>
  call<PulseView>('pulse_answer', { teamId, pulseId, answers: { ...answers }, ...definedOnly({ comment }) });

/** Managers only; others get `forbidden`. */
export const pulseResults = (teamId: string, pulseId: string) => call<PulseResults>('pulse_results', { teamId, pulseId });

// ----- Billing (lives on the relay; `doc-changed` of kind `billing` brings the plan here) -----

export const billingGet = (teamId: string) => call<BillingView>('billing_get', { teamId });

/** Owners only. Resolves with the Stripe Checkout URL, which the shell has already opened in the browser. */
export const billingCheckout = (teamId: string, plan: string) => call<string>('billing_checkout', { teamId, plan });

/** Owners only. Resolves with the Customer Portal URL, already opened in the browser. */
export const billingPortal = (teamId: string) => call<string>('billing_portal', { teamId });

/** Newest first; owners only. */
export const billingInvoices = (teamId: string) => call<Invoice[]>('billing_invoices', { teamId });

// ----- Market data -----

/** The team's symbols, as stored in the team document. */
export const watchlistGet = (teamId: string) => call<string[]>('watchlist_get', { teamId });

/** Owners and managers; `invalid_input` unless the symbol is 1–10 of A–Z 0–9 . - */
export const watchlistAdd = (teamId: string, symbol: string) => call<string[]>('watchlist_add', { teamId, symbol });

export const watchlistRemove = (teamId: string, symbol: string) => call<string[]>('watchlist_remove', { teamId, symbol });

/** Every symbol of the watchlist; offline, the last values seen (`freshness.offline`). */
export const marketQuotes = (teamId: string) => call<WatchItem[]>('market_quotes', { teamId });

/** Company news of the last `days` (the core's default is 7). */
export const marketNews = (symbol: string, days?: number) =>
  call<NewsFeed>('market_news', { symbol, ...definedOnly({ days }) });

/** Top headlines; the category as NewsAPI names it (the core's default is `business`). */
export const newsHeadlines = (category?: string) => call<HeadlineFeed>('news_headlines', definedOnly({ category }));

// ----- Board tools: time tracking, files, bulk edits -----

/** Starts my timer on this task; stops my timer running anywhere else, in the same write. */
export const timerStart = (boardId: string, taskId: string) => call<TimeEntry>('timer_start', { boardId, taskId });

/** Stops my running timer; null when none ran. */
export const timerStop = () => call<TimeEntry | null>('timer_stop');

/** My running timer, if any (it survives a restart). */
export const timerRunning = () => call<TimeEntry | null>('timer_running');

export interface TimeEntryInput {
  startedAt: number;
  endedAt: number;
  note?: string;
}

export const timeEntryAdd = (boardId: string, taskId: string, { startedAt, endedAt, note }: TimeEntryInput) =>
  call<TimeEntry>('time_entry_add', definedOnly({ boardId, taskId, startedAt, endedAt, note }));

export const timeEntryEdit = (entryId: string, { startedAt, endedAt, note }: TimeEntryInput) =>
  call<TimeEntry>('time_entry_edit', definedOnly({ entryId, startedAt, endedAt, note }));

export const timeEntryDelete = (entryId: string) => call<null>('time_entry_delete', { entryId });

/** Entries starting in [from, to), ms since the epoch. */
export const timeEntries = (teamId: string, from: number, to: number) =>
  call<TimeEntry[]>('time_entries', { teamId, from, to });

export const timeTotals = (teamId: string, from: number, to: number) =>
  call<TimeTotals>('time_totals', { teamId, from, to });

/** The saved CSV's path; null if the save dialog was cancelled. */
export const timesheetExport = (teamId: string, from: number, to: number) =>
  call<string | null>('timesheet_export', { teamId, from, to });

/** The saved file's path; null if the save dialog was cancelled. */
export const boardExport = (boardId: string, format: ExportFormat) =>
  call<string | null>('board_export', { boardId, format });

/** A CSV file chosen in the file picker; null if cancelled. */
export const boardImportPick = () => call<string | null>('board_import_pick');

export const boardImport = (boardId: string, path: string, preview: boolean, acceptPartial: boolean) =>
  call<ImportReport>('board_import', { boardId, path, preview, acceptPartial });

export const bulkEdit = (boardId: string, taskIds: string[], action: BulkAction) =>
  call<BulkResult>('bulk_edit', { boardId, taskIds, action });

/** The number of tasks put back as they were. */
export const bulkUndo = (undoId: string) => call<number>('bulk_undo', { undoId });

// ----- Boards in depth: columns, views, checklists, activity -----

export const boardGet = (boardId: string) => call<BoardDetail>('board_get', { boardId });

/** Added last; the WIP limit only ever warns. */
export const columnAdd = (boardId: string, name: string, status: Status, wipLimit: number | null = null) =>
  call<BoardDetail>('column_add', { boardId, name, status, wipLimit });

export interface ColumnChanges {
  name?: string;
  /** Moves the column's tasks to that category. */
  status?: Status;
  /** null clears it. */
  wipLimit?: number | null;
}

export const columnUpdate = (boardId: string, columnId: string, changes: ColumnChanges) =>
  call<BoardDetail>('column_update', { boardId, columnId, ...definedOnly(changes) });

/** Before `beforeColumnId`; null puts it last. */
export const columnMove = (boardId: string, columnId: string, beforeColumnId: string | null) =>
  call<BoardDetail>('column_move', { boardId, columnId, beforeColumnId });

/** Its tasks go to `moveTo`; the last column cannot go (`invalid_input`). */
export const columnDelete = (boardId: string, columnId: string, moveTo: string) =>
  call<BoardDetail>('column_delete', { boardId, columnId, moveTo });

/** A view of the same name is replaced. */
export const viewSave = (boardId: string, name: string, query: TaskQuery) =>
  call<BoardDetail>('view_save', { boardId, name, query: definedOnly(query) });

export const viewDelete = (boardId: string, viewId: string) => call<BoardDetail>('view_delete', { boardId, viewId });

export const checklistAdd = (boardId: string, taskId: string, text: string) =>
  call<TaskDetail>('checklist_add', { boardId, taskId, text });

export interface ChecklistChanges {
  text?: string;
  done?: boolean;
}

export const checklistUpdate = (boardId: string, taskId: string, itemId: string, changes: ChecklistChanges) =>
  call<TaskDetail>('checklist_update', { boardId, taskId, itemId, ...definedOnly(changes) });

export const checklistDelete = (boardId: string, taskId: string, itemId: string) =>
  call<TaskDetail>('checklist_delete', { boardId, taskId, itemId });

/** Newest first. */
export const taskHistory = (boardId: string, taskId: string) =>
  call<ActivityEntry[]>('task_history', { boardId, taskId });

/** The description just after the change `hash`. */
export const taskDescriptionAt = (boardId: string, taskId: string, hash: string) =>
  call<string>('task_description_at', { boardId, taskId, hash });

/** Writes that text back as a new edit; the history keeps both. */
export const taskDescriptionRestore = (boardId: string, taskId: string, hash: string) =>
  call<TaskDetail>('task_description_restore', { boardId, taskId, hash });

// One typed wrapper per Tauri command in docs/ipc.md. Every wrapper rejects with
// an AppError, so callers only ever have to handle one error shape.
import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import { toAppError } from './errors';
import type {
  Account,
  BoardSummary,
  Invite,
  Comment,
  Identity,
  Member,
  Role,
  SearchHit,
  Status,
  SyncStatus,
  TaskDetail,
  TaskPatch,
  TaskSummary,
  TeamSummary,
} from './types';

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

export const taskCreate = (boardId: string, title: string, status?: Status) =>
  call<TaskDetail>('task_create', status ? { boardId, title, status } : { boardId, title });

export const taskUpdate = (boardId: string, taskId: string, patch: TaskPatch) =>
  call<TaskDetail>('task_update', { boardId, taskId, patch: { ...patch } });

export interface MoveArgs {
  boardId: string;
  taskId: string;
  status: Status;
  /** Land just before this task of the target column; null means last. */
  beforeTaskId?: string | null;
  /** Move to Done despite unfinished dependencies (the user confirmed). */
  force?: boolean;
}

export const taskMove = ({ boardId, taskId, status, beforeTaskId = null, force = false }: MoveArgs) =>
  call<TaskDetail>('task_move', { boardId, taskId, status, beforeTaskId, force });

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

export const invitationCreate = (teamId: string, role: Role) =>
  call<Invite>('invitation_create', { teamId, role });

/** Resolves to the id of the team joined. */
export const teamJoin = (code: string) => call<string>('team_join', { code });

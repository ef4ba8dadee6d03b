import type { DocChangedPayload } from '../api';

export interface Shown {
  teamId: string | null;
  boardId: string | null;
  taskOpen: boolean;
}

export interface RefreshPlan {
  teams: boolean;
  identity: boolean;
  members: boolean;
  tasks: boolean;
  task: boolean;
  sync: boolean;
}

/** Document kinds whose changes can not alter anything this window shows. */
const UNSHOWN_KINDS = new Set(['assessment', 'response', 'channel', 'billing']);

/**
 * Decides what a burst of doc-changed events makes stale, so a burst costs at
 * most one read of each thing on screen, and writes elsewhere cost little.
 * Kinds this UI does not know are treated as touching everything: refreshing
 * too much is safe, missing a change is not.
 */
export function planRefresh(changes: readonly DocChangedPayload[], shown: Shown): RefreshPlan {
  const plan: RefreshPlan = { teams: false, identity: false, members: false, tasks: false, task: false, sync: false };
  for (const change of changes) {
    const known = ['team', 'board', 'user'].includes(change.kind) || UNSHOWN_KINDS.has(change.kind);
    const inShownTeam = shown.teamId !== null && (change.teamId === shown.teamId || change.docId === shown.teamId);
    // Every write may be waiting to be shared.
    plan.sync = true;
    if (UNSHOWN_KINDS.has(change.kind)) continue;
    // Team names, boards and task counts all live in the team list.
    plan.teams = true;
    if (change.kind === 'user' || !known) {
      // A person's name shows in the footer, on cards and beside their comments.
      plan.identity = true;
      plan.members = shown.teamId !== null;
      plan.task = plan.task || shown.taskOpen;
    }
    if ((change.kind === 'team' && inShownTeam) || !known) plan.members = shown.teamId !== null;
    const boardShown =
      shown.boardId !== null && (change.docId === shown.boardId || (change.kind === 'board' && inShownTeam));
    if (boardShown || !known) {
      plan.tasks = shown.boardId !== null;
      plan.task = shown.taskOpen;
    }
  }
  return plan;
}

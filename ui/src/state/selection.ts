import type { TeamSummary } from '../api';

export interface Selection {
  teamId: string;
  boardId: string | null;
}

/**
 * Keeps the selection pointing at something that exists: the same board if it
 * is still there, else its team's first board, else the first team's.
 */
export function reconcileSelection(teams: readonly TeamSummary[], current: Selection | null): Selection | null {
  const team = current ? teams.find((t) => t.id === current.teamId) : undefined;
  if (team) {
    if (current?.boardId && team.boards.some((b) => b.id === current.boardId)) return current;
    const boardId = team.boards[0]?.id ?? null;
    return current && current.boardId === boardId ? current : { teamId: team.id, boardId };
  }
  const first = teams[0];
  return first ? { teamId: first.id, boardId: first.boards[0]?.id ?? null } : null;
}

/** Inserts or replaces a team, keeping team_list's order (by name). */
export function upsertTeam(teams: readonly TeamSummary[], team: TeamSummary): TeamSummary[] {
  return [...teams.filter((t) => t.id !== team.id), team].sort((a, b) => a.name.localeCompare(b.name));
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { emit } from '@tauri-apps/api/event';
import { mockIPC } from '@tauri-apps/api/mocks';
import { api, isAppError, toAppError, type DocChangedPayload, type TeamSummary } from '../api';
import { planRefresh } from './refreshPlan';
import { reconcileSelection } from './selection';
import { DOC_CHANGED_WINDOW_MS, useDocChanged } from './useDocChanged';

const change = (kind: string, docId: string, teamId: string | null): DocChangedPayload => ({ kind, docId, teamId });

describe('useDocChanged', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    mockIPC(() => null, { shouldMockEvents: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('delivers a burst of events as one batch', async () => {
    const onBatch = vi.fn();
    const { unmount } = renderHook(() => useDocChanged(onBatch));
    // Let listen() register.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });

    await act(async () => {
      await emit('doc-changed', change('board', 'b1', 't1'));
      await emit('doc-changed', change('board', 'b1', 't1'));
      await emit('doc-changed', change('team', 't1', 't1'));
    });
    expect(onBatch).not.toHaveBeenCalled();

    await act(async () => {
      await vi.advanceTimersByTimeAsync(DOC_CHANGED_WINDOW_MS);
    });
    expect(onBatch).toHaveBeenCalledTimes(1);
    expect(onBatch.mock.calls[0][0]).toHaveLength(3);

    await act(async () => {
      await emit('doc-changed', change('board', 'b2', 't1'));
      await vi.advanceTimersByTimeAsync(DOC_CHANGED_WINDOW_MS);
    });
    expect(onBatch).toHaveBeenCalledTimes(2);

    unmount();
    await act(async () => {
      await emit('doc-changed', change('board', 'b2', 't1'));
      await vi.advanceTimersByTimeAsync(DOC_CHANGED_WINDOW_MS);
    });
    expect(onBatch).toHaveBeenCalledTimes(2);
  });
});

describe('planRefresh', () => {
  const shown = { teamId: 't1', boardId: 'b1', taskOpen: true };

  it('re-reads the shown board and task when that board changes', () => {
    expect(planRefresh([change('board', 'b1', 't1')], shown)).toEqual({
      teams: true, identity: false, members: false, tasks: true, task: true, sync: true,
    });
  });

  it('leaves the board alone when another team writes', () => {
    const plan = planRefresh([change('board', 'b9', 't9')], shown);
    expect(plan.tasks).toBe(false);
    expect(plan.teams).toBe(true);
  });

  it('re-reads members when the shown team or a person changes', () => {
    expect(planRefresh([change('team', 't1', 't1')], shown).members).toBe(true);
    expect(planRefresh([change('user', 'u1', null)], shown)).toMatchObject({ identity: true, members: true });
  });

  it('treats unknown kinds as touching everything', () => {
    expect(planRefresh([change('mystery', 'x', null)], shown)).toEqual({
      teams: true, identity: true, members: true, tasks: true, task: true, sync: true,
    });
  });

  it('ignores kinds this window does not show', () => {
    expect(planRefresh([change('billing', 'x', 't1')], shown)).toMatchObject({ teams: false, tasks: false });
  });
});

describe('reconcileSelection', () => {
  const teams: TeamSummary[] = [
    { id: 'a', name: 'A', role: 'owner', memberCount: 1, boards: [{ id: 'a1', teamId: 'a', name: 'Tasks', taskCount: 0 }] },
    { id: 'b', name: 'B', role: 'owner', memberCount: 1, boards: [] },
  ];

  it('starts on the first team and board', () => {
    expect(reconcileSelection(teams, null)).toEqual({ teamId: 'a', boardId: 'a1' });
    expect(reconcileSelection([], null)).toBeNull();
  });

  it('keeps a valid selection and repairs a stale one', () => {
    const current = { teamId: 'a', boardId: 'a1' };
    expect(reconcileSelection(teams, current)).toBe(current);
    expect(reconcileSelection(teams, { teamId: 'a', boardId: 'gone' })).toEqual(current);
    expect(reconcileSelection(teams, { teamId: 'gone', boardId: null })).toEqual(current);
    expect(reconcileSelection(teams, { teamId: 'b', boardId: null })).toEqual({ teamId: 'b', boardId: null });
  });
});

describe('api errors', () => {
  it('passes AppErrors through and wraps anything else', async () => {
    mockIPC((cmd) => {
      if (cmd === 'team_list') throw { code: 'storage', message: 'disk full' };
      throw 'invalid args `name` for command `team_create`';
    });
    await expect(api.teamList()).rejects.toEqual({ code: 'storage', message: 'disk full' });
    const wrapped = await api.teamCreate('x').catch((e: unknown) => e);
    expect(isAppError(wrapped)).toBe(true);
    expect(wrapped).toMatchObject({ code: 'unknown', message: expect.stringContaining('invalid args') });
    expect(toAppError(new Error('boom'))).toEqual({ code: 'unknown', message: 'boom' });
  });

  it('sends the documented argument names', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return null;
    });
    await api.taskMove({ boardId: 'b', taskId: 't', column: 'done' });
    await api.taskUpdate('b', 't', { due: null });
    await api.taskSearch('q', null);
    expect(calls).toEqual([
      ['task_move', { boardId: 'b', taskId: 't', column: 'done', beforeTaskId: null, force: false }],
      ['task_update', { boardId: 'b', taskId: 't', patch: { due: null } }],
      ['task_search', { query: 'q', teamId: null }],
    ]);
  });
});

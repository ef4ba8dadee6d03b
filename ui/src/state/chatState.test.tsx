import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { mockIPC } from '@tauri-apps/api/mocks';
import { IDLE_AFTER_MS, usePresenceReporter } from './usePresenceReporter';

describe('usePresenceReporter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says online at start, idle after five minutes without input, and online again on input', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return null;
    });
    const { unmount } = renderHook(() => usePresenceReporter());
    expect(calls).toEqual([['presence_set', { state: 'online' }]]);

    // Input before the five minutes are up keeps it online.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(IDLE_AFTER_MS - 60_000);
    });
    act(() => {
      window.dispatchEvent(new MouseEvent('mousemove'));
    });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(IDLE_AFTER_MS - 60_000);
    });
    expect(calls).toHaveLength(1);

    await act(async () => {
      await vi.advanceTimersByTimeAsync(120_000);
    });
    expect(calls[calls.length - 1]).toEqual(['presence_set', { state: 'idle' }]);

    act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown'));
      window.dispatchEvent(new KeyboardEvent('keydown'));
    });
    expect(calls.map((c) => (c[1] as { state: string }).state)).toEqual(['online', 'idle', 'online']);

    unmount();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(IDLE_AFTER_MS * 2);
    });
    expect(calls).toHaveLength(3);
  });

  it('keeps quiet when the backend refuses', async () => {
    mockIPC(() => {
      throw { code: 'not_signed_in', message: 'not signed in' };
    });
    const { unmount } = renderHook(() => usePresenceReporter());
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    unmount();
  });
});

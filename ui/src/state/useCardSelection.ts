import { useCallback, useEffect, useRef, useState } from 'react';
import { isTypingTarget } from '../lib/keyboard';

export interface CardSelection {
  selected: ReadonlySet<string>;
  /** Adds or removes one card; with `range`, every card from the last one picked to this one. */
  toggle: (taskId: string, range: boolean) => void;
  clear: () => void;
}

/**
 * The cards picked for a bulk edit. `order` is the cards in reading order (for
 * Shift-click ranges); `present` the ids still on the board: the others leave
 * the selection. Escape clears it before anything else sees the key.
 */
export function useCardSelection(order: readonly string[], present: ReadonlyMap<string, unknown>): CardSelection {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<string | null>(null);

  // Cards that are gone (deleted here or elsewhere) leave the selection.
  useEffect(() => {
    setSelected((current) => {
      const still = [...current].filter((id) => present.has(id));
      return still.length === current.size ? current : new Set(still);
    });
  }, [present]);

  const clear = useCallback(() => {
    anchor.current = null;
    setSelected(new Set());
  }, []);

  const toggle = useCallback(
    (taskId: string, range: boolean) => {
      // Read now: the update below may run after the anchor has moved on.
      const from = anchor.current ? order.indexOf(anchor.current) : -1;
      const to = order.indexOf(taskId);
      setSelected((current) => {
        const next = new Set(current);
        if (range && from !== -1 && to !== -1) {
          for (const id of order.slice(Math.min(from, to), Math.max(from, to) + 1)) next.add(id);
        } else if (next.has(taskId)) next.delete(taskId);
        else next.add(taskId);
        return next;
      });
      anchor.current = taskId;
    },
    [order],
  );

  // Escape clears the selection before anything else (the task panel closes on the next one).
  useEffect(() => {
    if (selected.size === 0) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || isTypingTarget(event.target)) return;
      if (document.querySelector('[aria-modal="true"]')) return;
      event.preventDefault();
      clear();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [selected.size, clear]);

  return { selected, toggle, clear };
}

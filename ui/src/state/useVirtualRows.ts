import { useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { rowOffsets, visibleRange, type VisibleRange } from '../lib/virtual';

/** Viewport height assumed before the list has been laid out (and where there is no layout). */
export const FALLBACK_VIEWPORT_PX = 800;

export interface VirtualRows<E extends HTMLElement> {
  /** The scrolling element; its rendered rows carry `data-row-key`. */
  scrollRef: RefObject<E | null>;
  range: VisibleRange;
  /** offsets[i] is the top of row i; offsets[n] the whole height. */
  offsets: number[];
  onScroll: () => void;
  /** Brings a row into view when it is not (for keyboard focus). */
  reveal: (key: string) => void;
}

/**
 * Windowing for a list with its own scrollbar and rows of different heights
 * (see lib/virtual.ts): heights are estimated until a row has been rendered,
 * then measured. Only the rows in view and `overscan` on each side need to be
 * in the DOM; spacers of offsets[start] and total - offsets[end] stand in for
 * the rest.
 */
export function useVirtualRows<E extends HTMLElement>(keys: readonly string[], estimate: number, overscan: number): VirtualRows<E> {
  const scrollRef = useRef<E>(null);
  const heights = useRef(new Map<string, number>());
  const [measured, setMeasured] = useState(0);
  const [view, setView] = useState({ top: 0, height: 0 });

  const offsets = useMemo(
    () => rowOffsets(keys.map((key) => heights.current.get(key) ?? estimate)),
    // `measured` changes whenever a height was learnt (heights is a ref).
    [keys, estimate, measured],
  );
  const total = offsets[offsets.length - 1];
  const viewHeight = view.height > 0 ? view.height : FALLBACK_VIEWPORT_PX;
  const top = Math.min(view.top, Math.max(0, total - viewHeight));
  const range = visibleRange(offsets, top, viewHeight, overscan);

  // After every render: learn the heights of the rows in the DOM, and the viewport's.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    let changed = false;
    for (const row of Array.from(el.querySelectorAll<HTMLElement>(':scope > [data-row-key]'))) {
      const key = row.dataset.rowKey as string;
      const height = row.offsetHeight;
      if (height > 0 && Math.abs((heights.current.get(key) ?? -1) - height) > 0.5) {
        heights.current.set(key, height);
        changed = true;
      }
    }
    if (changed) setMeasured((m) => m + 1);
    if (el.clientHeight > 0 && el.clientHeight !== view.height) setView((v) => ({ ...v, height: el.clientHeight }));
  });

  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const height = el.clientHeight;
    setView((v) => (v.top === el.scrollTop && (height === 0 || v.height === height) ? v : { top: el.scrollTop, height: height || v.height }));
  }, []);

  const latest = useRef({ keys, offsets, range, viewHeight });
  latest.current = { keys, offsets, range, viewHeight };

  const reveal = useCallback((key: string) => {
    const { keys: k, offsets: o, range: r, viewHeight: h } = latest.current;
    const index = k.indexOf(key);
    if (index === -1 || (index >= r.firstVisible && index <= r.lastVisible)) return;
    // Above the view: align to the top; below it: to the bottom.
    const next = index < r.firstVisible ? o[index] : Math.max(0, o[index + 1] - h);
    const el = scrollRef.current;
    if (el) el.scrollTop = next;
    setView((v) => ({ ...v, top: next }));
  }, []);

  return { scrollRef, range, offsets, onScroll, reveal };
}

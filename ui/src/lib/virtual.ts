// Windowing for long lists with rows of different heights: the offsets of
// every row from known or estimated heights, and which rows a viewport needs.

/** offsets[i] is the top of row i; offsets[n] is the total height. */
export function rowOffsets(heights: readonly number[]): number[] {
  const offsets = new Array<number>(heights.length + 1);
  offsets[0] = 0;
  for (let i = 0; i < heights.length; i += 1) offsets[i + 1] = offsets[i] + heights[i];
  return offsets;
}

/** The index of the row covering `y` (clamped to the rows there are). */
export function rowAt(offsets: readonly number[], y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid] <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface VisibleRange {
  /** First and one-past-last row to render, overscan included. */
  start: number;
  end: number;
  /** First and last row actually in the viewport. */
  firstVisible: number;
  lastVisible: number;
}

/** Rows in [top, top + height), plus `overscan` rows on each side. */
export function visibleRange(offsets: readonly number[], top: number, height: number, overscan: number): VisibleRange {
  const count = offsets.length - 1;
  if (count <= 0) return { start: 0, end: 0, firstVisible: 0, lastVisible: -1 };
  const firstVisible = rowAt(offsets, Math.max(0, top));
  const lastVisible = Math.max(firstVisible, rowAt(offsets, Math.max(0, top + height - 1)));
  return {
    start: Math.max(0, firstVisible - overscan),
    end: Math.min(count, lastVisible + 1 + overscan),
    firstVisible,
    lastVisible,
  };
}

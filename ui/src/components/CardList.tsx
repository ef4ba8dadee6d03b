import { useEffect, useMemo, type ReactNode } from 'react';
import type { TaskSummary } from '../api';
import { useVirtualRows } from '../state/useVirtualRows';

/** A card's height before it has been measured: a title line, a meta line, and the gap below. */
export const CARD_ESTIMATE_PX = 96;
/** Cards rendered beyond each edge of the view, so scrolling shows no gaps. */
export const CARD_OVERSCAN = 6;

interface CardListProps {
  tasks: TaskSummary[];
  /** Names the list for drops (data-column-list). */
  listId: string;
  /** Index (among the cards not being dragged) where a drop would land. */
  dropIndex: number | null;
  draggingId: string | null;
  /** A card that is to take keyboard focus: scrolled into view first. */
  focusId: string | null;
  renderCard: (task: TaskSummary) => ReactNode;
  /** Shown when there are no cards (and nothing is being dropped). */
  empty: ReactNode;
}

/**
 * One column's cards, windowed: a column of 10,000 tasks puts only the cards
 * in view (and a few more) in the DOM.
 */
export function CardList({ tasks, listId, dropIndex, draggingId, focusId, renderCard, empty }: CardListProps) {
  const keys = useMemo(() => tasks.map((t) => t.id), [tasks]);
  const { scrollRef, range, offsets, onScroll, reveal } = useVirtualRows<HTMLUListElement>(keys, CARD_ESTIMATE_PX, CARD_OVERSCAN);

  useEffect(() => {
    if (focusId) reveal(focusId);
  }, [focusId, reveal]);

  const dragging = draggingId ? keys.indexOf(draggingId) : -1;
  const others = tasks.length - (dragging === -1 ? 0 : 1);
  const end = offsets[offsets.length - 1];
  const indicator = <li key="drop" className="drop-indicator" aria-hidden="true" />;
  // One flat list of keyed rows, so a card moving in or out of the window is moved, not remounted.
  const rows: ReactNode[] = [<li key="top" className="column__spacer" style={{ height: offsets[range.start] }} aria-hidden="true" />];
  for (let i = range.start; i < range.end; i += 1) {
    const task = tasks[i];
    // The slot this card holds among the cards that are not being dragged.
    const slot = dragging !== -1 && dragging < i ? i - 1 : i;
    if (i !== dragging && dropIndex === slot) rows.push(indicator);
    rows.push(
      <li key={task.id} className="column__item" data-row-key={task.id}>
        {renderCard(task)}
      </li>,
    );
  }
  if (dropIndex !== null && dropIndex >= others && range.end === tasks.length) rows.push(indicator);
  rows.push(<li key="bottom" className="column__spacer" style={{ height: end - offsets[range.end] }} aria-hidden="true" />);
  // A dragged card scrolled out of the window stays in the DOM (hidden), or its dragend would never arrive.
  if (dragging !== -1 && (dragging < range.start || dragging >= range.end)) {
    rows.push(
      <li key={tasks[dragging].id} className="column__item" hidden>
        {renderCard(tasks[dragging])}
      </li>,
    );
  }

  return (
    <ul
      ref={scrollRef}
      className="column__list"
      data-column-list={listId}
      data-rendered={range.end - range.start}
      onScroll={onScroll}
    >
      {rows}
      {tasks.length === 0 && dropIndex === null && empty}
    </ul>
  );
}

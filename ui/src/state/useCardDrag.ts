import { useCallback, useRef, useState, type DragEvent } from 'react';
import type { TaskSummary } from '../api';
import type { DropHandlers } from '../components/Column';

/** Where a drop would land: a lane, a column, and the index among that cell's other cards. */
export interface DropTarget {
  lane: string;
  column: string;
  index: number;
}

interface CardDragOptions {
  /** The lane a card sits in ('' while there are no swimlanes). */
  laneOf: (task: TaskSummary) => string;
  /** A lane's cards in one column, in order. */
  cellTasks: (lane: string, column: string) => TaskSummary[];
  /** A card was dropped there. */
  onDrop: (taskId: string, lane: string, column: string, index: number) => void;
}

/**
 * Where among the cell's other cards the pointer is: before the first rendered
 * card whose middle is below it. Cards scrolled out of the window are not in
 * the DOM, so rendered cards are placed by their id in the whole cell.
 */
function dropIndexAt(list: Element | null, clientY: number, draggingId: string | null, ids: readonly string[]): number {
  const others = ids.filter((id) => id !== draggingId);
  if (!list) return others.length;
  const cards = Array.from(list.querySelectorAll<HTMLElement>('[data-testid="task-card"]')).filter(
    (card) => card.dataset.taskId !== draggingId,
  );
  const hit = cards.find((card) => {
    const rect = card.getBoundingClientRect();
    return clientY < rect.top + rect.height / 2;
  });
  if (hit) return Math.max(0, others.indexOf(hit.dataset.taskId ?? ''));
  const last = cards[cards.length - 1];
  return last ? others.indexOf(last.dataset.taskId ?? '') + 1 : others.length;
}

/**
 * Dragging cards between the board's columns (within a card's own lane: moving
 * to another lane would change who it is for). `dropHandlers` gives each
 * column, or each lane's cell, what it needs to show and take a drop.
 */
export function useCardDrag({ laneOf, cellTasks, onDrop }: CardDragOptions) {
  const [draggingId, setDraggingId] = useState<string | null>(null);
  const [drop, setDrop] = useState<DropTarget | null>(null);
  // Read inside the drag handlers, which fire far more often than renders.
  const dragging = useRef<{ id: string; lane: string } | null>(null);

  const onDragStart = useCallback(
    (task: TaskSummary, event: DragEvent<HTMLDivElement>) => {
      // WebKit starts no drag without data.
      event.dataTransfer.setData('text/plain', task.id);
      event.dataTransfer.effectAllowed = 'move';
      dragging.current = { id: task.id, lane: laneOf(task) };
      // Fade the card only after the browser took its picture for the drag image.
      setTimeout(() => setDraggingId(dragging.current?.id ?? null), 0);
    },
    [laneOf],
  );

  const endDrag = useCallback(() => {
    dragging.current = null;
    setDraggingId(null);
    setDrop(null);
  }, []);

  const dropHandlers = (lane: string, column: string): DropHandlers => {
    const ids = () => cellTasks(lane, column).map((t) => t.id);
    const listOf = (event: DragEvent<HTMLElement>) => event.currentTarget.querySelector('[data-column-list]');
    return {
      onDragOver: (event) => {
        const card = dragging.current;
        // Not one of our cards (a file, say), or from another lane.
        if (!card || card.lane !== lane) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        const index = dropIndexAt(listOf(event), event.clientY, card.id, ids());
        setDrop((current) =>
          current?.lane === lane && current.column === column && current.index === index ? current : { lane, column, index },
        );
      },
      onDragLeave: (event) => {
        const to = event.relatedTarget;
        if (to instanceof Node && event.currentTarget.contains(to)) return;
        setDrop((current) => (current?.lane === lane && current.column === column ? null : current));
      },
      onDrop: (event) => {
        const taskId = dragging.current?.id ?? event.dataTransfer.getData('text/plain');
        if (!taskId) return;
        event.preventDefault();
        const index =
          drop?.lane === lane && drop.column === column ? drop.index : dropIndexAt(listOf(event), event.clientY, taskId, ids());
        endDrag();
        onDrop(taskId, lane, column, index);
      },
    };
  };

  return { draggingId, drop, onDragStart, endDrag, dropHandlers };
}

import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent } from 'react';
import type { Member, Status, TaskSummary } from '../api';
import { columnTasks, planMove, type PlannedMove } from '../lib/ordering';
import { adjacentStatus, STATUSES } from '../lib/status';
import { isTypingTarget } from '../lib/keyboard';
import { useBulkEdit } from '../state/useBulkEdit';
import type { TaskActions } from '../state/useTaskActions';
import { BulkBar } from './BulkBar';
import { Column } from './Column';
import { TaskCard, type CardKeyCommand } from './TaskCard';
import './Board.css';

interface BoardProps {
  boardId: string;
  tasks: TaskSummary[] | undefined;
  /** Re-reads the board after a bulk edit or its undo. */
  onBulkChanged: () => unknown;
  members: Map<string, Member>;
  openTaskId: string | null;
  composer: Status | null;
  onComposerChange: (status: Status | null) => void;
  onOpenTask: (taskId: string) => void;
  actions: TaskActions;
}

interface DropTarget {
  status: Status;
  index: number;
}

/** Where among the column's other cards the pointer is: before the first card whose middle is below it. */
function dropIndexAt(list: Element | null, clientY: number, draggingId: string | null): number {
  if (!list) return 0;
  const cards = Array.from(list.querySelectorAll<HTMLElement>('[data-testid="task-card"]')).filter(
    (card) => card.dataset.taskId !== draggingId,
  );
  const index = cards.findIndex((card) => {
    const rect = card.getBoundingClientRect();
    return clientY < rect.top + rect.height / 2;
  });
  return index === -1 ? cards.length : index;
}

export function Board({ boardId, tasks, members, openTaskId, composer, onComposerChange, onOpenTask, actions, onBulkChanged }: BoardProps) {
  const [draggingId, setDraggingId] = useState<string | null>(null);
  const [drop, setDrop] = useState<DropTarget | null>(null);
  const [focusTaskId, setFocusTaskId] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  // Read inside the drag handlers, which fire far more often than renders.
  const draggingRef = useRef<string | null>(null);

  const list = useMemo(() => tasks ?? [], [tasks]);
  const columns = useMemo(
    () => Object.fromEntries(STATUSES.map((s) => [s, columnTasks(list, s)])) as Record<Status, TaskSummary[]>,
    [list],
  );
  const titles = useMemo(() => new Map(list.map((t) => [t.id, t.title])), [list]);

  // ----- selection for bulk edits -----
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<string | null>(null);
  /** Cards in reading order (column by column), for Shift-click ranges. */
  const order = useMemo(() => STATUSES.flatMap((s) => columns[s].map((t) => t.id)), [columns]);
  const bulk = useBulkEdit(boardId, onBulkChanged);

  // Cards that are gone (deleted here or elsewhere) leave the selection.
  useEffect(() => {
    setSelected((current) => {
      const present = [...current].filter((id) => titles.has(id));
      return present.length === current.size ? current : new Set(present);
    });
  }, [titles]);

  const clearSelection = useCallback(() => {
    anchor.current = null;
    setSelected(new Set());
  }, []);

  const toggleSelect = useCallback(
    (taskId: string, range: boolean) => {
      setSelected((current) => {
        const next = new Set(current);
        const from = anchor.current ? order.indexOf(anchor.current) : -1;
        const to = order.indexOf(taskId);
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
      clearSelection();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [selected.size, clearSelection]);

  const runBulk = async (action: Parameters<typeof bulk.run>[1]) => {
    const ids = order.filter((id) => selected.has(id));
    if (await bulk.run(ids, action)) clearSelection();
  };

  const runMoves = useCallback(
    (moves: PlannedMove[], focusId: string | null) => {
      if (moves.length === 0) return;
      if (focusId) setFocusTaskId(focusId);
      void actions.move(moves);
    },
    [actions],
  );

  const onCommand = useCallback(
    (task: TaskSummary, command: CardKeyCommand) => {
      const column = columns[task.status];
      const index = column.findIndex((t) => t.id === task.id);
      switch (command) {
        case 'open':
          onOpenTask(task.id);
          break;
        case 'left':
        case 'right': {
          const status = adjacentStatus(task.status, command === 'left' ? -1 : 1);
          if (status) runMoves([{ taskId: task.id, column: status, beforeTaskId: null }], task.id);
          break;
        }
        case 'up':
          if (index > 0) runMoves(planMove(list, task.id, task.status, index - 1), task.id);
          break;
        case 'down':
          if (index < column.length - 1) runMoves(planMove(list, task.id, task.status, index + 1), task.id);
          break;
        case 'focus-prev':
        case 'focus-next': {
          const next = column[index + (command === 'focus-prev' ? -1 : 1)];
          const cards = rootRef.current?.querySelectorAll<HTMLElement>('[data-testid="task-card"]') ?? [];
          Array.from(cards)
            .find((card) => next && card.dataset.taskId === next.id)
            ?.focus();
          break;
        }
      }
    },
    [columns, list, onOpenTask, runMoves],
  );

  const onDragStart = useCallback((task: TaskSummary, event: DragEvent<HTMLDivElement>) => {
    // WebKit starts no drag without data.
    event.dataTransfer.setData('text/plain', task.id);
    event.dataTransfer.effectAllowed = 'move';
    draggingRef.current = task.id;
    // Fade the card only after the browser took its picture for the drag image.
    setTimeout(() => setDraggingId(draggingRef.current), 0);
  }, []);

  const endDrag = useCallback(() => {
    draggingRef.current = null;
    setDraggingId(null);
    setDrop(null);
  }, []);

  const onDragOver = (status: Status, event: DragEvent<HTMLElement>) => {
    if (!draggingRef.current) return; // not one of our cards (a file, say)
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const listEl = event.currentTarget.querySelector('[data-column-list]');
    const index = dropIndexAt(listEl, event.clientY, draggingRef.current);
    setDrop((current) => (current?.status === status && current.index === index ? current : { status, index }));
  };

  const onDragLeave = (status: Status, event: DragEvent<HTMLElement>) => {
    const to = event.relatedTarget;
    if (to instanceof Node && event.currentTarget.contains(to)) return;
    setDrop((current) => (current?.status === status ? null : current));
  };

  const onDrop = (status: Status, event: DragEvent<HTMLElement>) => {
    const taskId = draggingRef.current ?? event.dataTransfer.getData('text/plain');
    if (!taskId) return;
    event.preventDefault();
    const listEl = event.currentTarget.querySelector('[data-column-list]');
    const index = drop?.status === status ? drop.index : dropIndexAt(listEl, event.clientY, taskId);
    endDrag();
    runMoves(planMove(list, taskId, status, index), null);
  };

  const clearFocus = useCallback(() => setFocusTaskId(null), []);

  const renderCard = (task: TaskSummary) => (
    <div
      className={`card-wrap${selected.has(task.id) ? ' is-selected' : ''}`}
      onClickCapture={(event: MouseEvent) => {
        // With a selection, Shift-click on a card extends it instead of opening the card.
        if (event.shiftKey && selected.size > 0 && !(event.target instanceof HTMLInputElement)) {
          event.preventDefault();
          event.stopPropagation();
          toggleSelect(task.id, true);
        }
      }}
    >
      <input
        type="checkbox"
        className="card-select"
        data-testid={`card-select-${task.id}`}
        aria-label={`Select “${task.title}”`}
        checked={selected.has(task.id)}
        onClick={(event) => {
          event.stopPropagation();
          toggleSelect(task.id, event.shiftKey);
        }}
        onChange={() => {}}
      />
      <TaskCard
      task={task}
      assignee={task.assignee ? members.get(task.assignee) : undefined}
      blockerTitles={task.blockedBy.map((id) => titles.get(id)).filter((t): t is string => Boolean(t))}
      isOpen={task.id === openTaskId}
      isDragging={task.id === draggingId}
      autoFocus={task.id === focusTaskId}
      onFocused={clearFocus}
      onCommand={onCommand}
      onDragStart={onDragStart}
      onDragEnd={endDrag}
      />
    </div>
  );

  return (
    <div className={`board${selected.size > 0 ? ' has-selection' : ''}`} ref={rootRef} aria-busy={tasks === undefined}>
      {STATUSES.map((status) => (
        <Column
          key={status}
          status={status}
          tasks={columns[status]}
          loaded={tasks !== undefined}
          composerOpen={composer === status}
          onOpenComposer={() => onComposerChange(status)}
          onCloseComposer={() => onComposerChange(null)}
          onCreate={async (title) => (await actions.create(status, title)) !== null}
          dropIndex={drop?.status === status ? drop.index : null}
          draggingId={draggingId}
          onDragOver={onDragOver}
          onDragLeave={onDragLeave}
          onDrop={onDrop}
          renderCard={renderCard}
        />
      ))}
      {selected.size > 0 && (
        <BulkBar
          count={selected.size}
          members={[...members.values()]}
          busy={bulk.busy}
          onRun={(action) => void runBulk(action)}
          onClear={clearSelection}
        />
      )}
    </div>
  );
}

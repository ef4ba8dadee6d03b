import { useCallback, useMemo, useState, type MouseEvent } from 'react';
import type { BulkAction, Column as BoardColumn, Member, TaskSummary } from '../api';
import { sameFilter, viewFilter, type BoardFilter } from '../lib/boardFilter';
import { groupLanes, laneKeyOf, type Lane } from '../lib/lanes';
import { planMove, type PlannedMove } from '../lib/ordering';
import { useBoardDetail } from '../state/useBoardDetail';
import { useBulkEdit } from '../state/useBulkEdit';
import { useCardDrag } from '../state/useCardDrag';
import { useCardSelection } from '../state/useCardSelection';
import { useFilteredIds } from '../state/useFilteredIds';
import type { TaskActions } from '../state/useTaskActions';
import { useToasts } from '../state/toasts';
import { BoardToolbar } from './BoardToolbar';
import { BulkBar } from './BulkBar';
import { Column, type ComposerProps } from './Column';
import { ColumnMenu, type ColumnCommand } from './ColumnMenu';
import { ColumnSheet } from './ColumnSheet';
import { DeleteColumnSheet } from './DeleteColumnSheet';
import { PlusIcon } from './icons';
import { Swimlanes } from './Swimlanes';
import { TaskCard, type CardKeyCommand } from './TaskCard';
import './Board.css';

interface BoardProps {
  boardId: string;
  tasks: TaskSummary[] | undefined;
  /** Re-reads the board's tasks: after a bulk edit or its undo, or a column change that moved cards. */
  onBulkChanged: () => unknown;
  members: Map<string, Member>;
  /** My user id, for the My tasks view. */
  me: string | undefined;
  openTaskId: string | null;
  /** The column whose composer is open: its id, or a status for that category's first column (N asks for 'todo'). */
  composer: string | null;
  onComposerChange: (column: string | null) => void;
  onOpenTask: (taskId: string) => void;
  actions: TaskActions;
}

/** Which sheet is open over the board. */
type ColumnEdit = { kind: 'add' } | { kind: 'edit' | 'delete'; column: BoardColumn };

/** The one lane there is while swimlanes are off. */
const ALL = '';
const NO_COLUMNS: BoardColumn[] = [];
const NO_TASKS: TaskSummary[] = [];

export function Board({ boardId, tasks, members, me, openTaskId, composer, onComposerChange, onOpenTask, actions, onBulkChanged }: BoardProps) {
  const { showWarning } = useToasts();
  const layout = useBoardDetail(boardId, onBulkChanged);
  const columns = layout.detail?.columns ?? NO_COLUMNS;
  const [filter, setFilter] = useState<BoardFilter>({});
  const [lanesOn, setLanesOn] = useState(false);
  const [editing, setEditing] = useState<ColumnEdit | null>(null);
  const [focusTaskId, setFocusTaskId] = useState<string | null>(null);

  const list = useMemo(() => tasks ?? NO_TASKS, [tasks]);
  const matched = useFilteredIds(boardId, filter, tasks);
  const shown = useMemo(
    () => (matched === null ? list : matched === undefined ? NO_TASKS : list.filter((t) => matched.has(t.id))),
    [list, matched],
  );
  const lanes = useMemo<Lane[]>(
    () => (lanesOn ? groupLanes(shown, members) : [{ key: ALL, name: '', userId: null, tasks: shown }]),
    [lanesOn, shown, members],
  );
  /** Each lane's cards by column, in order; a card in a column the board no longer has shows in the first. */
  const cells = useMemo(() => {
    const byLane = new Map<string, Map<string, TaskSummary[]>>();
    for (const lane of lanes) {
      const byColumn = new Map(columns.map((c) => [c.id, [] as TaskSummary[]]));
      for (const task of lane.tasks) (byColumn.get(task.column) ?? byColumn.get(columns[0]?.id))?.push(task);
      for (const cards of byColumn.values()) cards.sort((a, b) => a.position - b.position);
      byLane.set(lane.key, byColumn);
    }
    return byLane;
  }, [lanes, columns]);
  const cellTasks = useCallback((lane: string, column: string) => cells.get(lane)?.get(column) ?? NO_TASKS, [cells]);
  /** Every card of each column, filtered or not: WIP limits count them all. */
  const counts = useMemo(() => {
    const byColumn = new Map<string, number>();
    for (const t of list) byColumn.set(t.column, (byColumn.get(t.column) ?? 0) + 1);
    return byColumn;
  }, [list]);
  const titles = useMemo(() => new Map(list.map((t) => [t.id, t.title])), [list]);
  const labels = useMemo(() => [...new Set(list.flatMap((t) => t.labels))].sort(), [list]);
  const columnNames = useMemo(() => new Map(columns.map((c) => [c.id, c.name])), [columns]);
  const laneOf = useCallback((task: TaskSummary) => (lanesOn ? laneKeyOf(task) : ALL), [lanesOn]);
  const laneTasks = useCallback((lane: string) => lanes.find((l) => l.key === lane)?.tasks ?? NO_TASKS, [lanes]);

  // ----- selection for bulk edits -----
  /** Cards in reading order (lane by lane, column by column), for Shift-click ranges. */
  const order = useMemo(
    () => lanes.flatMap((lane) => columns.flatMap((c) => cellTasks(lane.key, c.id).map((t) => t.id))),
    [lanes, columns, cellTasks],
  );
  const { selected, toggle: toggleSelect, clear: clearSelection } = useCardSelection(order, titles);
  const bulk = useBulkEdit(boardId, onBulkChanged);

  // ----- WIP limits: they warn, the move still happens -----
  const warnIfOver = useCallback(
    (columnId: string, arriving: number) => {
      const column = columns.find((c) => c.id === columnId);
      if (!column || column.wipLimit === null || arriving === 0) return;
      const after = (counts.get(column.id) ?? 0) + arriving;
      if (after > column.wipLimit) {
        showWarning(`${column.name} is over its WIP limit: ${after} / ${column.wipLimit}. The card moved anyway.`);
      }
    },
    [columns, counts, showWarning],
  );

  const runBulk = async (action: BulkAction) => {
    const ids = order.filter((id) => selected.has(id));
    if (action.kind === 'move') {
      warnIfOver(action.column, list.filter((t) => selected.has(t.id) && t.column !== action.column).length);
    }
    if (await bulk.run(ids, action)) clearSelection();
  };

  const runMoves = useCallback(
    (moves: PlannedMove[], focusId: string | null) => {
      if (moves.length === 0) return;
      if (focusId) setFocusTaskId(focusId);
      for (const move of moves) {
        const task = list.find((t) => t.id === move.taskId);
        if (task && task.column !== move.column) warnIfOver(move.column, 1);
      }
      void actions.move(moves);
    },
    [actions, list, warnIfOver],
  );

  const onCommand = useCallback(
    (task: TaskSummary, command: CardKeyCommand) => {
      const lane = laneOf(task);
      const cell = cellTasks(lane, task.column);
      const index = cell.findIndex((t) => t.id === task.id);
      switch (command) {
        case 'open':
          onOpenTask(task.id);
          break;
        case 'left':
        case 'right': {
          const next = columns[columns.findIndex((c) => c.id === task.column) + (command === 'left' ? -1 : 1)];
          if (next) runMoves([{ taskId: task.id, column: next.id, beforeTaskId: null }], task.id);
          break;
        }
        case 'up':
          if (index > 0) runMoves(planMove(laneTasks(lane), task.id, task.column, index - 1), task.id);
          break;
        case 'down':
          if (index < cell.length - 1) runMoves(planMove(laneTasks(lane), task.id, task.column, index + 1), task.id);
          break;
        case 'focus-prev':
        case 'focus-next': {
          // The card may be scrolled out of its column's window: the column brings it in, then it takes focus.
          const next = cell[index + (command === 'focus-prev' ? -1 : 1)];
          if (next) setFocusTaskId(next.id);
          break;
        }
      }
    },
    [columns, cellTasks, laneOf, laneTasks, onOpenTask, runMoves],
  );

  // ----- drag and drop -----
  const { draggingId, drop, onDragStart, endDrag, dropHandlers } = useCardDrag({
    laneOf,
    cellTasks,
    onDrop: (taskId, lane, column, index) => runMoves(planMove(laneTasks(lane), taskId, column, index), null),
  });

  // ----- columns -----
  const onColumnCommand = (column: BoardColumn, command: ColumnCommand) => {
    const at = columns.indexOf(column);
    if (command === 'left' && at > 0) void layout.moveColumn(column.id, columns[at - 1].id);
    else if (command === 'right' && at < columns.length - 1) void layout.moveColumn(column.id, columns[at + 2]?.id ?? null);
    else if (command === 'edit' || command === 'delete') setEditing({ kind: command, column });
  };

  const menuFor = (column: BoardColumn, index: number) => (
    <ColumnMenu
      column={column}
      isFirst={index === 0}
      isLast={index === columns.length - 1}
      canDelete={columns.length > 1}
      onCommand={(command) => onColumnCommand(column, command)}
    />
  );

  // N asks for 'todo': that column, or the first To do column when the board has its own.
  const composerColumn =
    composer === null ? null : (columns.find((c) => c.id === composer) ?? columns.find((c) => c.status === composer))?.id ?? null;
  const shortcutColumn = columns.find((c) => c.status === 'todo') ?? columns[0];
  const composerFor = (column: BoardColumn): ComposerProps => ({
    composerOpen: composerColumn === column.id,
    onOpenComposer: () => onComposerChange(column.id),
    onCloseComposer: () => onComposerChange(null),
    onCreate: async (title) => (await actions.create(column.id, title)) !== null,
    shortcut: column === shortcutColumn,
  });

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
        assignees={task.assignees.map((id) => members.get(id) ?? { userId: id, name: 'Former member', role: 'member' })}
        columnName={columnNames.get(task.column) ?? ''}
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

  const addColumn = (
    <button type="button" className="row-button add-column" data-testid="add-column" onClick={() => setEditing({ kind: 'add' })}>
      <PlusIcon size={14} />
      Add column
    </button>
  );

  const loaded = tasks !== undefined && layout.detail !== undefined;
  return (
    <div className={`board${selected.size > 0 ? ' has-selection' : ''}`} aria-busy={!loaded || matched === undefined}>
      <BoardToolbar
        filter={filter}
        onFilterChange={setFilter}
        shown={matched === undefined ? undefined : shown.length}
        total={list.length}
        members={[...members.values()]}
        me={me}
        labels={labels}
        views={layout.detail?.views ?? []}
        onSaveView={(name) => layout.saveView(name, filter)}
        onDeleteView={async (view) => {
          const ok = await layout.deleteView(view.id);
          // The view on screen is gone: so is its filter.
          if (ok && sameFilter(viewFilter(view), filter)) setFilter({});
          return ok;
        }}
        lanes={lanesOn}
        onLanesChange={setLanesOn}
      />
      {lanesOn ? (
        <Swimlanes
          columns={columns}
          lanes={lanes}
          cellTasks={cellTasks}
          counts={counts}
          menuFor={menuFor}
          composerFor={composerFor}
          drop={drop}
          dropHandlers={dropHandlers}
          draggingId={draggingId}
          focusId={focusTaskId}
          renderCard={renderCard}
          addColumn={addColumn}
        />
      ) : (
        <div className="board__columns">
          {columns.map((column, index) => (
            <Column
              key={column.id}
              column={column}
              tasks={cellTasks(ALL, column.id)}
              count={counts.get(column.id) ?? 0}
              loaded={loaded && matched !== undefined}
              filtered={matched !== null}
              menu={menuFor(column, index)}
              dropIndex={drop?.lane === ALL && drop.column === column.id ? drop.index : null}
              draggingId={draggingId}
              focusId={focusTaskId}
              drop={dropHandlers(ALL, column.id)}
              renderCard={renderCard}
              {...composerFor(column)}
            />
          ))}
          {layout.detail && addColumn}
        </div>
      )}
      {editing?.kind === 'add' && (
        <ColumnSheet
          onSave={(values) => layout.addColumn(values.name, values.status, values.wipLimit)}
          onClose={() => setEditing(null)}
        />
      )}
      {editing?.kind === 'edit' && (
        <ColumnSheet
          column={editing.column}
          onSave={({ name, status, wipLimit }) =>
            layout.updateColumn(editing.column.id, {
              name,
              wipLimit,
              // Only a new category is sent: it moves the column's tasks with it.
              ...(status === editing.column.status ? {} : { status }),
            })
          }
          onClose={() => setEditing(null)}
        />
      )}
      {editing?.kind === 'delete' && (
        <DeleteColumnSheet
          column={editing.column}
          others={columns.filter((c) => c.id !== editing.column.id)}
          taskCount={counts.get(editing.column.id) ?? 0}
          onDelete={(moveTo) => layout.deleteColumn(editing.column.id, moveTo)}
          onClose={() => setEditing(null)}
        />
      )}
      {selected.size > 0 && (
        <BulkBar
          count={selected.size}
          columns={columns}
          members={[...members.values()]}
          busy={bulk.busy}
          onRun={(action) => void runBulk(action)}
          onClear={clearSelection}
        />
      )}
    </div>
  );
}

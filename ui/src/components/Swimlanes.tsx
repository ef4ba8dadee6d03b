import type { CSSProperties, ReactNode } from 'react';
import type { Column, TaskSummary } from '../api';
import type { Lane } from '../lib/lanes';
import { Avatar } from './Avatar';
import { CardList } from './CardList';
import { ColumnFooter, ColumnHeader, type ComposerProps, type DropHandlers } from './Column';

interface SwimlanesProps {
  columns: Column[];
  lanes: Lane[];
  /** A lane's cards in one column, in order. */
  cellTasks: (lane: string, column: string) => TaskSummary[];
  /** Every card of each column (the WIP limit counts them all). */
  counts: ReadonlyMap<string, number>;
  menuFor: (column: Column, index: number) => ReactNode;
  composerFor: (column: Column) => ComposerProps;
  drop: { lane: string; column: string; index: number } | null;
  dropHandlers: (lane: string, column: string) => DropHandlers;
  draggingId: string | null;
  focusId: string | null;
  renderCard: (task: TaskSummary) => ReactNode;
  /** The "Add column" button, at the end of the header row. */
  addColumn: ReactNode;
}

/**
 * The board split into rows, one per first assignee ("Unassigned" last), with
 * the columns inside each row. The column heads (menu, count, Add task) sit
 * once above the rows.
 */
export function Swimlanes({
  columns,
  lanes,
  cellTasks,
  counts,
  menuFor,
  composerFor,
  drop,
  dropHandlers,
  draggingId,
  focusId,
  renderCard,
  addColumn,
}: SwimlanesProps) {
  const style = { '--lane-columns': columns.length } as CSSProperties;
  return (
    <div className="swimlanes" style={style} data-testid="swimlanes">
      <div className="swimlanes__head">
        {columns.map((column, i) => (
          <div key={column.id} className={`column column--${column.status} swimlanes__column-head`} data-testid={`lane-head-${column.id}`}>
            <ColumnHeader column={column} headingId={`lane-heading-${column.id}`} count={counts.get(column.id) ?? 0} menu={menuFor(column, i)} />
            <ColumnFooter column={column} {...composerFor(column)} />
          </div>
        ))}
        {addColumn}
      </div>
      {lanes.map((lane) => (
        <section
          key={lane.key}
          className="swimlane"
          data-testid="swimlane"
          data-lane={lane.key}
          aria-labelledby={`lane-title-${lane.key}`}
        >
          <h3 className="swimlane__title" id={`lane-title-${lane.key}`}>
            {lane.userId ? <Avatar id={lane.userId} name={lane.name} decorative /> : null}
            <span className="swimlane__name">{lane.name}</span>
            <span className="swimlane__count" aria-label={`${lane.tasks.length} ${lane.tasks.length === 1 ? 'task' : 'tasks'}`}>
              {lane.tasks.length}
            </span>
          </h3>
          <div className="swimlane__cells">
            {columns.map((column) => {
              const handlers = dropHandlers(lane.key, column.id);
              const here = drop !== null && drop.lane === lane.key && drop.column === column.id;
              return (
                <div
                  key={column.id}
                  role="group"
                  aria-label={`${lane.name}, ${column.name}`}
                  className={`swimlane__cell${here ? ' is-drop-target' : ''}`}
                  data-testid={`lane-cell-${lane.key}-${column.id}`}
                  data-column-id={column.id}
                  data-lane={lane.key}
                  onDragOver={handlers.onDragOver}
                  onDragLeave={handlers.onDragLeave}
                  onDrop={handlers.onDrop}
                >
                  <CardList
                    tasks={cellTasks(lane.key, column.id)}
                    listId={`${lane.key}:${column.id}`}
                    dropIndex={here ? drop.index : null}
                    draggingId={draggingId}
                    focusId={focusId}
                    renderCard={renderCard}
                    empty={null}
                  />
                </div>
              );
            })}
          </div>
        </section>
      ))}
    </div>
  );
}

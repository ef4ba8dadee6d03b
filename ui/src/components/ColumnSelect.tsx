import type { TaskDetail } from '../api';
import { STATUS_LABEL } from '../lib/status';
import { useBoardDetail } from '../state/useBoardDetail';
import type { TaskActions } from '../state/useTaskActions';

interface ColumnSelectProps {
  id: string;
  task: TaskDetail;
  actions: TaskActions;
}

/**
 * The task's column, chosen among its board's own columns (board_get, read
 * again on that board's doc-changed, as the board does). Moving goes through
 * the task actions, so a blocked move to a Done column asks before forcing,
 * and a refused one (invalid_transition) is explained and put back.
 */
export function ColumnSelect({ id, task, actions }: ColumnSelectProps) {
  const layout = useBoardDetail(task.boardId, actions.refresh);
  const columns = layout.detail?.columns ?? [];
  // Until the columns are read (or when the task's column has just gone), still name where it is.
  const known = columns.some((c) => c.id === task.column);

  return (
    <select
      id={id}
      className="select"
      data-testid="task-status-select"
      aria-busy={layout.detail === undefined}
      value={task.column}
      onChange={(event) => void actions.move([{ taskId: task.id, column: event.target.value, beforeTaskId: null }])}
    >
      {!known && <option value={task.column}>{STATUS_LABEL[task.status]}</option>}
      {columns.map((c) => (
        <option key={c.id} value={c.id} data-status={c.status}>
          {c.name}
        </option>
      ))}
    </select>
  );
}

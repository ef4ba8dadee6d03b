import { useId } from 'react';
import type { TaskDetail } from '../api';
import { useInlineSave } from '../state/useInlineSave';
import type { TaskActions } from '../state/useTaskActions';
import { DateField } from './DateField';
import { FieldError } from './Field';
import './TaskDetails.css';

/** What the core says about a date it refuses: not a real day, or a start after the due date. */
const DATE_ERRORS = ['invalid_date', 'invalid_input'] as const;

/** The task's start and due dates (rows of the panel's property list), and why a date was refused. */
export function TaskDates({ task, actions }: { task: TaskDetail; actions: TaskActions }) {
  const ids = { start: useId(), due: useId(), error: useId() };
  const { save, error } = useInlineSave(task, actions, DATE_ERRORS);
  const describedBy = error ? ids.error : undefined;

  return (
    <>
      <div className="props__row">
        <dt>
          <label htmlFor={ids.start}>Start</label>
        </dt>
        <dd>
          <DateField
            id={ids.start}
            value={task.start}
            testId="task-start"
            clearLabel="Clear start date"
            describedBy={describedBy}
            onSave={(start) => save({ start })}
          />
        </dd>
      </div>
      <div className="props__row">
        <dt>
          <label htmlFor={ids.due}>Due date</label>
        </dt>
        <dd>
          <DateField
            id={ids.due}
            value={task.due}
            testId="task-due"
            clearLabel="Clear due date"
            describedBy={describedBy}
            onSave={(due) => save({ due })}
          />
        </dd>
      </div>
      {error && (
        <div className="props__row">
          <dt aria-hidden="true" />
          <dd>
            <FieldError id={ids.error} message={error.message} className="props__error" testId="task-dates-error" />
          </dd>
        </div>
      )}
    </>
  );
}

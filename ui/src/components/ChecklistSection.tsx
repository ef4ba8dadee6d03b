import { api, type ChecklistItem, type TaskDetail } from '../api';
import { useDraft } from '../state/useDraft';
import type { TaskActions } from '../state/useTaskActions';
import { AddLineForm } from './AddLineForm';
import { CloseIcon } from './icons';
import './TaskDetails.css';

interface ChecklistSectionProps {
  task: TaskDetail;
  actions: TaskActions;
}

/** The task's checklist: progress, items to tick, rename or delete, and a box to add the next one. */
export function ChecklistSection({ task, actions }: ChecklistSectionProps) {
  const { boardId, id: taskId, checklist } = task;
  const done = checklist.filter((i) => i.done).length;

  return (
    <div className="checklist" data-testid="checklist">
      {checklist.length > 0 && (
        <div className="checklist__progress">
          <span className="checklist__count" data-testid="checklist-progress">
            {done} of {checklist.length} done
          </span>
          <span
            className="checklist__meter"
            role="progressbar"
            aria-label="Checklist progress"
            aria-valuemin={0}
            aria-valuemax={checklist.length}
            aria-valuenow={done}
          >
            <span className="checklist__meter-fill" style={{ width: `${(done / checklist.length) * 100}%` }} />
          </span>
        </div>
      )}
      {checklist.length > 0 && (
        <ul className="checklist__items">
          {checklist.map((item) => (
            <ChecklistRow key={item.id} item={item} task={task} actions={actions} />
          ))}
        </ul>
      )}
      <AddLineForm
        placeholder="Add an item…"
        label="New checklist item"
        inputTestId="checklist-input"
        submitTestId="checklist-add"
        onAdd={async (value) => Boolean(await actions.write(() => api.checklistAdd(boardId, taskId, value)))}
      />
    </div>
  );
}

function ChecklistRow({ item, task, actions }: { item: ChecklistItem; task: TaskDetail; actions: TaskActions }) {
  const { boardId, id: taskId } = task;
  const { draft, setDraft, editing, serverRef, onKeyDown } = useDraft(item.text);

  const rename = async () => {
    editing.current = false;
    const value = draft.trim();
    // An emptied item keeps its text: deleting is the button's job.
    if (!value || value === serverRef.current) {
      setDraft(serverRef.current);
      return;
    }
    const saved = await actions.write(() => api.checklistUpdate(boardId, taskId, item.id, { text: value }));
    if (!saved) setDraft(serverRef.current);
  };

  return (
    <li className={`checklist__item${item.done ? ' is-done' : ''}`} data-testid="checklist-item">
      <input
        type="checkbox"
        className="checklist__box"
        checked={item.done}
        aria-label={`Done: ${item.text}`}
        data-testid="checklist-toggle"
        onChange={(event) => void actions.write(() => api.checklistUpdate(boardId, taskId, item.id, { done: event.target.checked }))}
      />
      <input
        className="checklist__text"
        value={draft}
        aria-label="Checklist item"
        data-testid="checklist-text"
        onFocus={() => {
          editing.current = true;
        }}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => void rename()}
        onKeyDown={onKeyDown}
      />
      <button
        type="button"
        className="icon-button icon-button--sm"
        aria-label={`Delete ${item.text}`}
        title="Delete item"
        data-testid="checklist-delete"
        onClick={() => void actions.write(() => api.checklistDelete(boardId, taskId, item.id))}
      >
        <CloseIcon size={12} />
      </button>
    </li>
  );
}

import { useState } from 'react';
import type { SavedView } from '../api';
import { isFilterActive, presets, sameFilter, viewFilter, type BoardFilter } from '../lib/boardFilter';
import { useConfirm } from '../state/confirm';
import { CloseIcon } from './icons';
import { NameForm } from './NameForm';

interface ViewsBarProps {
  filter: BoardFilter;
  onApply: (filter: BoardFilter) => void;
  me: string | undefined;
  views: SavedView[];
  /** Resolve true when the board took the change. */
  onSave: (name: string) => Promise<boolean>;
  onDelete: (view: SavedView) => Promise<boolean>;
}

/** The built-in views (My tasks, Overdue, Blocked), the board's saved views, and Save view. */
export function ViewsBar({ filter, onApply, me, views, onSave, onDelete }: ViewsBarProps) {
  const confirm = useConfirm();
  const [saving, setSaving] = useState(false);

  const toggle = (next: BoardFilter) => onApply(sameFilter(filter, next) ? {} : next);

  const remove = async (view: SavedView) => {
    const ok = await confirm({
      title: `Delete the view “${view.name}”?`,
      message: 'Everyone on the team loses this view. No task changes.',
      confirmLabel: 'Delete view',
      tone: 'danger',
    });
    if (ok) await onDelete(view);
  };

  return (
    <div className="views-bar" role="group" aria-label="Views">
      {presets(me).map((p) => (
        <button
          key={p.id}
          type="button"
          className="view-chip"
          data-testid={`preset-${p.id}`}
          aria-pressed={sameFilter(filter, p.filter)}
          onClick={() => toggle(p.filter)}
        >
          {p.name}
        </button>
      ))}
      {views.map((v) => (
        <span key={v.id} className="view-chip view-chip--saved" data-testid="saved-view" data-view-id={v.id}>
          <button
            type="button"
            className="view-chip__apply"
            data-testid={`view-${v.id}`}
            aria-pressed={sameFilter(filter, viewFilter(v))}
            onClick={() => toggle(viewFilter(v))}
          >
            {v.name}
          </button>
          <button
            type="button"
            className="view-chip__delete"
            data-testid={`view-delete-${v.id}`}
            aria-label={`Delete view ${v.name}`}
            onClick={() => void remove(v)}
          >
            <CloseIcon size={12} />
          </button>
        </span>
      ))}
      {saving ? (
        <NameForm
          label="View name"
          placeholder="Name this view"
          submitLabel="Save"
          inputTestId="view-name-input"
          submitTestId="view-save-submit"
          autoFocus
          onSubmit={async (name) => {
            const ok = await onSave(name);
            if (ok) setSaving(false);
            return ok;
          }}
          onCancel={() => setSaving(false)}
        />
      ) : (
        <button
          type="button"
          className="button button--ghost view-save"
          data-testid="view-save"
          disabled={!isFilterActive(filter)}
          title={isFilterActive(filter) ? 'Save this filter as a view the team shares' : 'Set a filter first'}
          onClick={() => setSaving(true)}
        >
          Save view
        </button>
      )}
    </div>
  );
}

import { useState } from 'react';
import { CloseIcon } from './icons';
import { LabelChip } from './LabelChip';

interface LabelsEditorProps {
  labels: string[];
  /** Saves the whole new list; the backend trims, lower-cases and de-duplicates. */
  onChange: (labels: string[]) => Promise<boolean>;
}

export function LabelsEditor({ labels, onChange }: LabelsEditorProps) {
  const [draft, setDraft] = useState('');

  const add = async () => {
    // "bug, ui" adds two labels at once.
    const fresh = draft.split(',').map((l) => l.trim()).filter(Boolean);
    if (fresh.length === 0) return;
    if (await onChange([...labels, ...fresh])) setDraft('');
  };

  return (
    <div className="labels-editor">
      {labels.map((label) => (
        <LabelChip key={label} label={label}>
          <button
            type="button"
            className="chip__remove"
            aria-label={`Remove label ${label}`}
            onClick={() => void onChange(labels.filter((l) => l !== label))}
          >
            <CloseIcon size={10} />
          </button>
        </LabelChip>
      ))}
      <input
        className="labels-editor__input"
        type="text"
        value={draft}
        placeholder={labels.length ? 'Add…' : 'Add label'}
        aria-label="Add label"
        data-testid="label-input"
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ',') {
            event.preventDefault();
            void add();
          } else if (event.key === 'Backspace' && !draft && labels.length) {
            void onChange(labels.slice(0, -1));
          }
        }}
        onBlur={() => void add()}
      />
    </div>
  );
}

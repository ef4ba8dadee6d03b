import type { ReactNode } from 'react';

interface EmptyNoteProps {
  /** What is missing, in bold. */
  title: ReactNode;
  testId: string;
  /** What to do about it, or why. */
  children: ReactNode;
  /** A button to start the first one. */
  action?: { label: string; onClick: () => void };
}

/** Stands in for a list or figures that are not there yet (styles in sheets.css). */
export function EmptyNote({ title, testId, children, action }: EmptyNoteProps) {
  return (
    <div className="empty-note" data-testid={testId}>
      <strong>{title}</strong>
      {children}
      {action && (
        <>
          <br />
          <button type="button" className="button button--primary" onClick={action.onClick}>
            {action.label}
          </button>
        </>
      )}
    </div>
  );
}

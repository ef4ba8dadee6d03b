import { useEffect, useId, useRef, type ReactNode } from 'react';
import { trapTab } from '../lib/focusTrap';
import { Sheet } from './Sheet';
import './sheets.css';
import './SheetDialog.css';

interface SheetDialogProps {
  title: ReactNode;
  testId?: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A Sheet over the page, as a modal dialog: Escape or a press on the backdrop
 * closes it, Tab stays inside, and focus starts on its first field and goes
 * back where it was.
 */
export function SheetDialog({ title, testId, onClose, children }: SheetDialogProps) {
  const titleId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    rootRef.current?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || document.querySelector('[data-testid="confirm-dialog"]')) return;
      event.preventDefault();
      closeRef.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  return (
    <div
      className="sheet-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      data-testid={testId}
      ref={rootRef}
      onKeyDown={(event) => trapTab(event, rootRef.current)}
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <Sheet titleId={titleId} title={title} className="sheet-dialog__sheet">
        {children}
      </Sheet>
    </div>
  );
}

import { useRef, useState } from 'react';
import { api, type ExportFormat } from '../api';
import { useToasts } from '../state/toasts';
import { useAttempt } from '../state/useAttempt';
import { useDismiss } from '../state/useDismiss';
import { ImportSheet } from './ImportSheet';
import './BoardMenu.css';

interface BoardMenuProps {
  boardId: string;
  boardName: string;
  /** Re-reads the board after an import. */
  onImported: () => unknown;
}

/** The board's files: export as CSV or JSON, import tasks from a CSV file. */
export function BoardMenu({ boardId, boardName, onImported }: BoardMenuProps) {
  const attempt = useAttempt();
  const { showInfo } = useToasts();
  const [open, setOpen] = useState(false);
  const [importPath, setImportPath] = useState<string | null>(null);
  const rootRef = useRef<HTMLSpanElement>(null);
  useDismiss(open, rootRef, () => setOpen(false));

  const exportAs = async (format: ExportFormat) => {
    setOpen(false);
    await attempt(async () => {
      const path = await api.boardExport(boardId, format);
      // null: the person cancelled the save dialog; nothing to say.
      if (path) showInfo(`Saved to ${path}`);
    });
  };

  const pickImport = async () => {
    setOpen(false);
    await attempt(async () => {
      const path = await api.boardImportPick();
      if (path) setImportPath(path);
    });
  };

  return (
    <span className="board-menu" ref={rootRef}>
      <button
        type="button"
        className="button button--ghost"
        data-testid="board-menu"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        Board ▾
      </button>
      {open && (
        <div className="board-menu__popover" role="menu" aria-label={`${boardName} files`}>
          <button type="button" role="menuitem" className="board-menu__item" data-testid="board-export-csv" onClick={() => void exportAs('csv')}>
            Export CSV
          </button>
          <button type="button" role="menuitem" className="board-menu__item" data-testid="board-export-json" onClick={() => void exportAs('json')}>
            Export JSON
          </button>
          <button type="button" role="menuitem" className="board-menu__item" data-testid="board-import" onClick={() => void pickImport()}>
            Import CSV…
          </button>
        </div>
      )}
      {importPath && (
        <ImportSheet
          key={importPath}
          boardId={boardId}
          boardName={boardName}
          path={importPath}
          onClose={() => setImportPath(null)}
          onImported={() => {
            setImportPath(null);
            void onImported();
          }}
        />
      )}
    </span>
  );
}

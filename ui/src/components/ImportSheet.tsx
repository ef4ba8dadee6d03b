import { useEffect, useId, useState } from 'react';
import { api, toAppError, type AppError, type ImportReport } from '../api';
import { explainError } from '../lib/errorText';
import { useToasts } from '../state/toasts';
import { tasksWord } from '../state/useBulkEdit';
import { EmptyNote } from './EmptyNote';
import { FieldError } from './Field';
import { Sheet } from './Sheet';
import { TableHead } from './TableHead';
import './SheetDialog.css';

interface ImportSheetProps {
  boardId: string;
  boardName: string;
  path: string;
  onClose: () => void;
  onImported: () => void;
}

const fileName = (path: string) => path.split(/[\\/]/).pop() || path;

/** The preview of a CSV import (nothing written yet): the tasks it would create, the rows it cannot read, then Import. */
export function ImportSheet({ boardId, boardName, path, onClose, onImported }: ImportSheetProps) {
  const titleId = useId();
  const { showInfo } = useToasts();
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [acceptPartial, setAcceptPartial] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    api.boardImport(boardId, path, true, false).then(
      (report) => live && setPreview(report),
      (e) => live && setError(explainError(e)),
    );
    return () => {
      live = false;
    };
  }, [boardId, path]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || document.querySelector('[data-testid="confirm-dialog"]')) return;
      event.preventDefault();
      onClose();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  const problems = preview?.problems ?? [];
  const canImport = preview !== null && preview.tasks.length > 0 && (problems.length === 0 || acceptPartial) && !saving;

  const runImport = async () => {
    setSaving(true);
    setError(null);
    try {
      const report = await api.boardImport(boardId, path, false, problems.length > 0 && acceptPartial);
      if (report.applied) {
        showInfo(`Imported ${tasksWord(report.tasks.length)} into ${boardName}`);
        onImported();
        return;
      }
      // The file changed since the preview: show what it says now.
      setPreview(report);
      setAcceptPartial(false);
    } catch (e) {
      setError(explainError(toAppError(e)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="sheet-dialog import-overlay" role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid="import-dialog">
      <Sheet titleId={titleId} title={`Import ${fileName(path)} into ${boardName}`} className="import-sheet" testId="import-sheet">
        <FieldError message={error?.message} testId="import-error" />
        {!preview && !error && <p className="import-sheet__note" aria-busy="true">Reading the file…</p>}
        {preview && (
          <>
            {preview.tasks.length === 0 ? (
              <EmptyNote title="No tasks to import" testId="import-empty">
                The file has no rows that can be read.
              </EmptyNote>
            ) : (
              <>
                <p className="import-sheet__note" data-testid="import-count">
                  {tasksWord(preview.tasks.length)} will be created.
                </p>
                <ul className="import-sheet__tasks" data-testid="import-tasks">
                  {preview.tasks.map((title, i) => (
                    <li key={i}>{title}</li>
                  ))}
                </ul>
              </>
            )}
            {problems.length > 0 && (
              <>
                <p className="import-sheet__note">
                  {problems.length === 1 ? '1 row cannot be read:' : `${problems.length} rows cannot be read:`}
                </p>
                <table className="import-sheet__problems" data-testid="import-problems">
                  <TableHead columns={['Line', 'Problem']} />
                  <tbody>
                    {problems.map((p) => (
                      <tr key={`${p.line}:${p.message}`} data-testid="import-problem">
                        <td>{p.line}</td>
                        <td>{p.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {preview.tasks.length > 0 && (
                  <label className="import-sheet__partial">
                    <input
                      type="checkbox"
                      data-testid="import-accept-partial"
                      checked={acceptPartial}
                      onChange={(e) => setAcceptPartial(e.target.checked)}
                    />{' '}
                    Skip the {problems.length} {problems.length === 1 ? 'row' : 'rows'} that cannot be read
                  </label>
                )}
              </>
            )}
          </>
        )}
        <div className="import-sheet__actions">
          <button type="button" className="button" data-testid="import-cancel" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            data-testid="import-confirm"
            disabled={!canImport}
            onClick={() => void runImport()}
          >
            {saving ? 'Importing…' : 'Import'}
          </button>
        </div>
      </Sheet>
    </div>
  );
}

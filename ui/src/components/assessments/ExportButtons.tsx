import { useState } from 'react';
import { api, type ExportFormat } from '../../api';
import { useToasts } from '../../state/toasts';
import { useAttempt } from '../../state/useAttempt';
import { DownloadIcon } from '../icons';

/** Saves the results as CSV or JSON where the person chooses; says where it went. */
export function ExportButtons({ assessmentId }: { assessmentId: string }) {
  const attempt = useAttempt();
  const { showInfo } = useToasts();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const run = async (format: ExportFormat) => {
    setBusy(format);
    await attempt(async () => {
      const path = await api.assessmentExport(assessmentId, format);
      // null: the person cancelled the save dialog; nothing to say.
      if (path) showInfo(`Saved to ${path}`);
    });
    setBusy(null);
  };
  return (
    <div className="export-buttons" role="group" aria-label="Export the results">
      {(['csv', 'json'] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="button"
          data-testid={`export-${format}`}
          disabled={busy !== null}
          onClick={() => void run(format)}
        >
          <DownloadIcon size={14} /> {busy === format ? 'Saving…' : format.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

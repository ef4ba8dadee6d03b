import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api';
import { todayIso } from '../../lib/dates';
import { useToasts } from '../../state/toasts';
import { useAttempt } from '../../state/useAttempt';
import { FieldError } from '../Field';
import { DownloadIcon } from '../icons';

/** This week, Monday to Sunday, as YYYY-MM-DD. */
function thisWeek(now = new Date()): { from: string; to: string } {
  const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - ((now.getDay() + 6) % 7));
  const sunday = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 6);
  return { from: todayIso(monday), to: todayIso(sunday) };
}

/** Local midnight starting the day, in ms; `plusDays` moves it (1: the end of an inclusive range). */
function dayStart(iso: string, plusDays = 0): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays).getTime();
}

/** Saves the team's time entries of a range of days as a CSV timesheet. */
export function TimesheetExport({ teamId }: { teamId: string }) {
  const attempt = useAttempt();
  const { showInfo } = useToasts();
  const ids = { from: useId(), to: useId(), error: useId() };
  const [range, setRange] = useState(thisWeek);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const from = dayStart(range.from);
    // The last day counts whole: entries start before the next midnight.
    const to = dayStart(range.to, 1);
    if (from === null || to === null || to <= from) {
      setError('Pick a first day on or before the last day.');
      return;
    }
    setError(null);
    setBusy(true);
    await attempt(async () => {
      const path = await api.timesheetExport(teamId, from, to);
      // null: the person cancelled the save dialog; nothing to say.
      if (path) showInfo(`Timesheet saved to ${path}`);
    });
    setBusy(false);
  };

  return (
    <form className="timesheet-export" data-testid="timesheet-form" aria-label="Export a timesheet" onSubmit={(e) => void submit(e)}>
      <label htmlFor={ids.from} className="visually-hidden">
        First day
      </label>
      <input
        id={ids.from}
        className="input"
        type="date"
        data-testid="timesheet-from"
        value={range.from}
        aria-describedby={error ? ids.error : undefined}
        onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))}
      />
      <span aria-hidden="true">–</span>
      <label htmlFor={ids.to} className="visually-hidden">
        Last day
      </label>
      <input
        id={ids.to}
        className="input"
        type="date"
        data-testid="timesheet-to"
        value={range.to}
        aria-describedby={error ? ids.error : undefined}
        onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))}
      />
      <button type="submit" className="button" data-testid="timesheet-export" disabled={busy}>
        <DownloadIcon size={14} /> {busy ? 'Saving…' : 'Timesheet'}
      </button>
      <FieldError id={ids.error} message={error} testId="timesheet-error" className="timesheet-export__error" />
    </form>
  );
}

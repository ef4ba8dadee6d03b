// Due dates are calendar days (YYYY-MM-DD) with no time zone, so they are
// compared as local days, never converted through UTC.

/** Today as YYYY-MM-DD in the local time zone. */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** ISO day strings sort like the days themselves. */
export function isOverdue(due: string | null, now: Date = new Date()): boolean {
  return due !== null && due < todayIso(now);
}

function parseDay(iso: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** "Mar 4", or "Mar 4, 2027" when not this year. */
export function formatDue(iso: string, now: Date = new Date()): string {
  const day = parseDay(iso);
  if (!day) return iso;
  const options: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric' };
  if (day.getFullYear() !== now.getFullYear()) options.year = 'numeric';
  return day.toLocaleDateString(undefined, options);
}

/** "just now", "5m ago", "3h ago", "yesterday", "4d ago", then a date. */
export function relativeTime(ms: number, now: number = Date.now()): string {
  const seconds = Math.round((now - ms) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes}m ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours}h ago`;
  const days = Math.round(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 7) return `${days}d ago`;
  const date = new Date(ms);
  const options: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric' };
  if (date.getFullYear() !== new Date(now).getFullYear()) options.year = 'numeric';
  return date.toLocaleDateString(undefined, options);
}

export function formatFull(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "Mar 4, 2027": a day, from ms since the epoch. */
export function formatDay(ms: number): string {
  return new Date(ms).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

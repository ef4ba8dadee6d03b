import type { Progress } from '../../state/transfers';

/** A thin bar for a transfer; indeterminate until the total is known. */
export function ProgressBar({ progress, label }: { progress: Progress | null; label: string }) {
  const total = progress?.total ?? 0;
  const percent = total > 0 ? Math.min(100, Math.round(((progress?.done ?? 0) / total) * 100)) : null;
  return (
    <span
      className={`progress${percent === null ? ' progress--indeterminate' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
      data-testid="transfer-progress"
    >
      <span className="progress__fill" style={{ width: percent === null ? undefined : `${percent}%` }} />
    </span>
  );
}

/** Placeholder lines while something loads; announced once. */
export function Loading({ label, lines = 3 }: { label: string; lines?: number }) {
  return (
    <div className="loading-note" role="status" aria-label={label} data-testid="loading">
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} className="skeleton" style={{ width: `${90 - i * 15}%` }} />
      ))}
    </div>
  );
}

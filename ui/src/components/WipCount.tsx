interface WipCountProps {
  count: number;
  limit: number | null;
  testId: string;
}

/**
 * A column's card count; with a WIP limit, "7 / 5", marked as a warning once
 * over it. The limit only ever warns: cards still move in.
 */
export function WipCount({ count, limit, testId }: WipCountProps) {
  const tasks = `${count} ${count === 1 ? 'task' : 'tasks'}`;
  if (limit === null) {
    return (
      <span className="column__count" data-testid={testId} aria-label={tasks}>
        {count}
      </span>
    );
  }
  const over = count > limit;
  const label = over ? `${tasks}, over the WIP limit of ${limit}` : `${tasks}, WIP limit ${limit}`;
  return (
    <span
      className={`column__count column__count--wip${over ? ' is-over' : ''}`}
      data-testid={testId}
      data-over={over || undefined}
      role={over ? 'status' : undefined}
      aria-label={label}
      title={label}
    >
      {count} / {limit}
    </span>
  );
}

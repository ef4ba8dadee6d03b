import type { ReactNode } from 'react';

interface TableHeadProps {
  /** In order; they never move, so their places are their keys. */
  columns: ReactNode[];
  /** A last column for each row's buttons, named for screen readers only. */
  withActions?: boolean;
}

/** A table's row of column heads. */
export function TableHead({ columns, withActions = false }: TableHeadProps) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => (
          <th key={i} scope="col">
            {c}
          </th>
        ))}
        {withActions && (
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        )}
      </tr>
    </thead>
  );
}

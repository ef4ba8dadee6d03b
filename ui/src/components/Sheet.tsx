import type { ReactNode } from 'react';

interface SheetProps {
  /** The heading's id, which names the sheet for assistive technology. */
  titleId: string;
  title: ReactNode;
  className?: string;
  testId?: string;
  children: ReactNode;
}

/** A white sheet holding one part of a page, under its heading (styles in sheets.css). */
export function Sheet({ titleId, title, className, testId, children }: SheetProps) {
  return (
    <section className={className ? `sheet ${className}` : 'sheet'} aria-labelledby={titleId} data-testid={testId}>
      <h3 id={titleId} className="sheet__title">
        {title}
      </h3>
      {children}
    </section>
  );
}

import type { ReactNode } from 'react';

interface ListboxOptionProps {
  /** Named by the field's aria-activedescendant while active. */
  id: string;
  active: boolean;
  /** ' is-active' is added while the option is the active one. */
  className: string;
  onActivate: () => void;
  onChoose: () => void;
  children: ReactNode;
  /** data-testid and any other data attributes go onto the option as given. */
  [data: `data-${string}`]: string | undefined;
}

/**
 * One option of a listbox that a text field drives by keyboard (search results,
 * the mention menu): hovering makes it active, clicking chooses it.
 */
export function ListboxOption({ id, active, className, onActivate, onChoose, children, ...data }: ListboxOptionProps) {
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      className={`${className}${active ? ' is-active' : ''}`}
      {...data}
      // Keep focus in the field so its blur does not close the list before the click lands.
      onMouseDown={(event) => event.preventDefault()}
      onMouseEnter={onActivate}
      onClick={onChoose}
    >
      {children}
    </li>
  );
}

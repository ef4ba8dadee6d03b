import type { ReactNode } from 'react';
import './ScreenHeader.css';

interface ScreenHeaderProps {
  title: ReactNode;
  /** A line under the title: the run, the team, a description. */
  subtitle?: ReactNode;
  /** Where "back" goes; no back button without it. */
  onBack?: () => void;
  backLabel?: string;
  /** Buttons on the right. */
  children?: ReactNode;
  titleTestId?: string;
}

/** The top of an assessments screen: back, title, and its actions. */
export function ScreenHeader({ title, subtitle, onBack, backLabel = 'All assessments', children, titleTestId }: ScreenHeaderProps) {
  return (
    <header className="screen-header">
      {onBack && (
        <button type="button" className="button button--ghost screen-header__back" data-testid="screen-back" onClick={onBack}>
          <span aria-hidden="true">←</span> {backLabel}
        </button>
      )}
      <div className="screen-header__row">
        <div className="screen-header__text">
          <h2 className="screen-header__title" data-testid={titleTestId}>
            {title}
          </h2>
          {subtitle && <p className="screen-header__subtitle">{subtitle}</p>}
        </div>
        {children && <div className="screen-header__actions">{children}</div>}
      </div>
    </header>
  );
}

import type { ReactNode } from 'react';
import './TopBar.css';

interface TopBarProps {
  teamName: string | null;
  boardName: string | null;
  children: ReactNode;
}

export function TopBar({ teamName, boardName, children }: TopBarProps) {
  return (
    <header className="topbar">
      <div className="topbar__title">
        {teamName && <span className="topbar__team">{teamName}</span>}
        {teamName && boardName && (
          <span className="topbar__sep" aria-hidden="true">
            /
          </span>
        )}
        {boardName && (
          <h1 className="topbar__board" data-testid="board-title">
            {boardName}
          </h1>
        )}
      </div>
      <div className="topbar__tools">{children}</div>
    </header>
  );
}

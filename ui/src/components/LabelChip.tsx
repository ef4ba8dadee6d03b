import type { CSSProperties, ReactNode } from 'react';
import { hueFor } from '../lib/people';
import './LabelChip.css';

export function LabelChip({ label, children }: { label: string; children?: ReactNode }) {
  const style = { '--chip-hue': hueFor(label) } as CSSProperties;
  return (
    <span className="chip" style={style}>
      <span className="chip__dot" aria-hidden="true" />
      <span className="chip__text">{label}</span>
      {children}
    </span>
  );
}

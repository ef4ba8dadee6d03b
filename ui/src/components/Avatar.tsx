import type { CSSProperties } from 'react';
import { hueFor, initials } from '../lib/people';
import './Avatar.css';

interface AvatarProps {
  /** Stable key for the colour (a user id); falls back to the name. */
  id?: string;
  name: string;
  size?: 'sm' | 'md';
  /** Hide from assistive tech when the name is already said next to it. */
  decorative?: boolean;
}

export function Avatar({ id, name, size = 'sm', decorative = false }: AvatarProps) {
  const style = { '--avatar-hue': hueFor(id ?? name) } as CSSProperties;
  return (
    <span
      className={`avatar avatar--${size}`}
      style={style}
      title={decorative ? undefined : name}
      aria-label={decorative ? undefined : name}
      aria-hidden={decorative || undefined}
      role={decorative ? undefined : 'img'}
    >
      {initials(name)}
    </span>
  );
}

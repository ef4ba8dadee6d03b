import type { Member } from '../api';
import { Avatar } from './Avatar';

/** How many faces show before "+N". */
const SHOWN = 3;

/** Everyone on a card, overlapping; read out by the card's own label. */
export function AvatarStack({ people }: { people: Member[] }) {
  if (people.length === 0) return null;
  const rest = people.length - SHOWN;
  return (
    <span className="avatar-stack" data-testid="task-card-assignees" data-count={people.length}>
      {people.slice(0, SHOWN).map((m, i) => (
        <Avatar key={`${m.userId}-${i}`} id={m.userId} name={m.name} decorative />
      ))}
      {rest > 0 && (
        <span className="avatar-stack__more" aria-hidden="true">
          +{rest}
        </span>
      )}
    </span>
  );
}

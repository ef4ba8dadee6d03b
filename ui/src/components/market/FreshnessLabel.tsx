import type { Freshness } from '../../api';
import { freshnessText, freshnessTone } from '../../lib/market';
import './FreshnessLabel.css';

/** How old a value is: "updated 12 s ago", "stale · 3 min old", "offline · last seen 2 h ago". */
export function FreshnessLabel({ freshness, testId }: { freshness: Freshness | null; testId?: string }) {
  if (!freshness) return null;
  const tone = freshnessTone(freshness);
  return (
    <span className={`freshness freshness--${tone}`} data-testid={testId} data-tone={tone}>
      {freshnessText(freshness)}
    </span>
  );
}

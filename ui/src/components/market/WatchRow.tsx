import type { WatchItem } from '../../api';
import { direction, formatChange, formatPrice } from '../../lib/market';
import { TrashIcon } from '../icons';
import { FreshnessLabel } from './FreshnessLabel';

interface WatchRowProps {
  symbol: string;
  /** Its quote, freshness or error; undefined until the first quotes arrive. */
  item: WatchItem | undefined;
  selected: boolean;
  onSelect: (symbol: string) => void;
  /** Owners and managers only. */
  onRemove?: (symbol: string) => void;
}

const ARROW = { up: '▲', down: '▼', flat: '' };

/** One symbol of the watchlist: its price, the day's change and range, and how fresh they are. */
export function WatchRow({ symbol, item, selected, onSelect, onRemove }: WatchRowProps) {
  const quote = item?.quote ?? null;
  const dir = direction(quote?.change ?? null);
  return (
    <tr className={`watch-row${selected ? ' is-selected' : ''}`} data-testid={`watchlist-row-${symbol}`}>
      <th scope="row">
        <button
          type="button"
          className="watch-row__symbol"
          aria-pressed={selected}
          aria-label={`${symbol}: show its news`}
          onClick={() => onSelect(symbol)}
        >
          {symbol}
        </button>
      </th>
      {quote ? (
        <>
          <td className="watch-row__price" data-testid={`quote-price-${symbol}`}>
            {formatPrice(quote.current)}
          </td>
          <td className={`watch-row__change watch-row__change--${dir}`} data-testid={`quote-change-${symbol}`} data-direction={dir}>
            <span aria-hidden="true">{ARROW[dir]}</span> {formatChange(quote.change, quote.changePercent)}
          </td>
          <td className="watch-row__range">
            {formatPrice(quote.low)} – {formatPrice(quote.high)}
          </td>
        </>
      ) : (
        <td colSpan={3} className="watch-row__none" data-testid={`quote-error-${symbol}`}>
          {item?.error ? item.error.message : item ? 'No quote yet' : '…'}
        </td>
      )}
      <td className="watch-row__fresh">
        <FreshnessLabel freshness={item?.freshness ?? null} testId={`quote-freshness-${symbol}`} />
        {quote && item?.error && <span className="watch-row__note">{item.error.message}</span>}
      </td>
      <td className="watch-row__actions">
        {onRemove && (
          <button
            type="button"
            className="icon-button icon-button--sm icon-button--danger"
            data-testid={`watchlist-remove-${symbol}`}
            aria-label={`Remove ${symbol}`}
            title={`Remove ${symbol}`}
            onClick={() => onRemove(symbol)}
          >
            <TrashIcon size={14} />
          </button>
        )}
      </td>
    </tr>
  );
}

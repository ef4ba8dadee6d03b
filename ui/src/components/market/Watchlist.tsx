import type { AppError, WatchItem } from '../../api';
import { EmptyNote } from '../EmptyNote';
import { Sheet } from '../Sheet';
import { TableHead } from '../TableHead';
import { AddSymbolForm } from './AddSymbolForm';
import { WatchRow } from './WatchRow';
import './Watchlist.css';

interface WatchlistProps {
  symbols: string[];
  /** By symbol; empty until the first quotes arrive. */
  items: ReadonlyMap<string, WatchItem>;
  selected: string | null;
  onSelect: (symbol: string) => void;
  /** Owners and managers change the watchlist; others read it. */
  canEdit: boolean;
  onAdd: (symbol: string) => Promise<AppError | null>;
  onRemove: (symbol: string) => void;
}

/** The team's symbols with their quotes; owners and managers add and remove them. */
export function Watchlist({ symbols, items, selected, onSelect, canEdit, onAdd, onRemove }: WatchlistProps) {
  return (
    <Sheet titleId="watchlist-title" title="Watchlist" className="watchlist" testId="watchlist">
      {canEdit ? (
        <AddSymbolForm watchlist={symbols} onAdd={onAdd} />
      ) : (
        <p className="sheet__hint" data-testid="watchlist-read-only">
          Owners and managers choose the team’s symbols.
        </p>
      )}
      {symbols.length === 0 ? (
        <EmptyNote title="No symbols yet" testId="watchlist-empty">
          {canEdit ? 'Add one above to follow its price and news.' : 'The team’s symbols show here once an owner or manager adds them.'}
        </EmptyNote>
      ) : (
        <div className="table-scroll">
          <table className="data-table watchlist__table">
            <TableHead columns={['Symbol', 'Price', 'Change', 'Day range', 'Updated']} withActions />
            <tbody>
              {symbols.map((symbol) => (
                <WatchRow
                  key={symbol}
                  symbol={symbol}
                  item={items.get(symbol)}
                  selected={symbol === selected}
                  onSelect={onSelect}
                  onRemove={canEdit ? onRemove : undefined}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Sheet>
  );
}

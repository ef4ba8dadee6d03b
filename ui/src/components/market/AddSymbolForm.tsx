import { useId, useState, type FormEvent } from 'react';
import type { AppError } from '../../api';
import { symbolProblem } from '../../lib/market';
import { FieldError } from '../Field';

interface AddSymbolFormProps {
  watchlist: readonly string[];
  /** Resolves with what the core refused, or null once the symbol is on the watchlist. */
  onAdd: (symbol: string) => Promise<AppError | null>;
}

/** A symbol to add, upper-cased as it is typed and checked before it is sent. */
export function AddSymbolForm({ watchlist, onAdd }: AddSymbolFormProps) {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { input: useId(), error: useId() };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const symbol = value.trim();
    const local = symbolProblem(symbol, watchlist);
    setProblem(local);
    if (local) return;
    setBusy(true);
    const refused = await onAdd(symbol);
    setBusy(false);
    if (refused) setProblem(refused.message);
    else setValue('');
  };

  return (
    <form className="add-symbol" onSubmit={submit} noValidate>
      <label htmlFor={ids.input} className="visually-hidden">
        Symbol to add
      </label>
      <input
        id={ids.input}
        className="input add-symbol__input"
        data-testid="watchlist-symbol-input"
        placeholder="Add a symbol, like AAPL"
        autoComplete="off"
        spellCheck={false}
        maxLength={16}
        value={value}
        aria-invalid={problem !== null}
        aria-describedby={problem ? ids.error : undefined}
        onChange={(e) => {
          setValue(e.target.value.toUpperCase());
          setProblem(null);
        }}
      />
      <button type="submit" className="button button--primary" data-testid="watchlist-add" disabled={busy}>
        {busy ? 'Adding…' : 'Add'}
      </button>
      <FieldError id={ids.error} className="add-symbol__error" message={problem} testId="watchlist-symbol-error" />
    </form>
  );
}

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { TRANSFER_PROGRESS_EVENT, type TransferProgressPayload } from '../api';
import { useTauriEvent } from './useTauriEvent';

export interface Progress {
  done: number;
  total: number;
}

/** Names a transfer: by the file's sha256, or by its name while the hash is not known yet (uploads). */
export interface TransferKey {
  sha256?: string;
  name?: string;
}

export interface Transfers {
  progressOf: (key: TransferKey) => Progress | null;
  /** Forgets a finished transfer, so a later one starts from zero. */
  clear: (key: TransferKey) => void;
}

const TransfersContext = createContext<Transfers | null>(null);

/** Follows `transfer-progress` events for attachments going up or down, once for everything inside. */
export function TransfersProvider({ children }: { children: ReactNode }) {
  const [byKey, setByKey] = useState<Map<string, Progress>>(() => new Map());

  useTauriEvent<TransferProgressPayload>(TRANSFER_PROGRESS_EVENT, (p) => {
    setByKey((map) => {
      const next = new Map(map);
      const progress = { done: p.done, total: p.total };
      if (p.sha256) next.set(`sha:${p.sha256}`, progress);
      if (p.name) next.set(`name:${p.name}`, progress);
      return next;
    });
  });

  const progressOf = useCallback(
    (key: TransferKey) =>
      (key.sha256 ? byKey.get(`sha:${key.sha256}`) : undefined) ??
      (key.name ? byKey.get(`name:${key.name}`) : undefined) ??
      null,
    [byKey],
  );

  const clear = useCallback((key: TransferKey) => {
    setByKey((map) => {
      const next = new Map(map);
      if (key.sha256) next.delete(`sha:${key.sha256}`);
      if (key.name) next.delete(`name:${key.name}`);
      return next.size === map.size ? map : next;
    });
  }, []);

  const value = useMemo(() => ({ progressOf, clear }), [progressOf, clear]);
  return <TransfersContext.Provider value={value}>{children}</TransfersContext.Provider>;
}

const NO_TRANSFERS: Transfers = { progressOf: () => null, clear: () => {} };

export function useTransfers(): Transfers {
  return useContext(TransfersContext) ?? NO_TRANSFERS;
}

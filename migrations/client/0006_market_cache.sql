-- The last market answer seen for each request (a quote, a symbol's news, a
-- category's headlines), so the desktop shows values with their age offline.
-- Local state: not derived from documents, never synced.
CREATE TABLE market_cache (
    key         TEXT PRIMARY KEY,
    data        TEXT NOT NULL,      -- JSON, as the relay answered it
    fetched_at  INTEGER NOT NULL    -- ms, when the provider answered it
);

-- Each team's Stripe customer and subscription as the webhooks last told them.
-- The billing document clients read is written from this row.
CREATE TABLE billing_accounts (
    team_id          TEXT PRIMARY KEY,
    customer_id      TEXT UNIQUE,
    subscription_id  TEXT,
    plan             TEXT NOT NULL,
    status           TEXT NOT NULL,          -- active | trialing | past_due | canceled
    period_end       INTEGER,                -- ms
    past_due_since   INTEGER,                -- ms; the grace period counts from here
    event_at         INTEGER NOT NULL DEFAULT 0,  -- the newest subscription event applied (Stripe's `created`, s)
    updated_at       INTEGER NOT NULL
);

-- Every Stripe event handled, so a redelivered event is applied once.
CREATE TABLE stripe_events (
    event_id     TEXT PRIMARY KEY,
    type         TEXT NOT NULL,
    received_at  INTEGER NOT NULL
);

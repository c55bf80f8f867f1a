-- Entitlement: what an account may watch. Plans carry the limits; subscriptions give an account a
-- plan for a period; title grants are purchases and rentals of single titles. Payment is outside
-- Marquee: admins (or a payment adapter through the same service) grant and revoke.

CREATE TABLE accounts.plans (
    code              varchar(12)  PRIMARY KEY,
    name              varchar(80)  NOT NULL,
    max_height        integer      NOT NULL CHECK (max_height > 0),
    max_streams       integer      NOT NULL CHECK (max_streams > 0),
    offline_licences  integer      NOT NULL CHECK (offline_licences >= 0)
);

INSERT INTO accounts.plans (code, name, max_height, max_streams, offline_licences) VALUES
    ('SD',  'Basic (SD)',     480, 1, 5),
    ('HD',  'Standard (HD)', 1080, 2, 10),
    ('UHD', 'Premium (UHD)', 2160, 4, 25);

CREATE TABLE accounts.subscriptions (
    id            uuid         PRIMARY KEY,
    account_id    uuid         NOT NULL REFERENCES accounts.accounts (id) ON DELETE CASCADE,
    plan_code     varchar(12)  NOT NULL REFERENCES accounts.plans (code),
    status        varchar(10)  NOT NULL CHECK (status IN ('ACTIVE', 'CANCELLED')),
    period_start  timestamptz  NOT NULL,
    period_end    timestamptz  NOT NULL CHECK (period_end > period_start),
    created_at    timestamptz  NOT NULL,
    cancelled_at  timestamptz
);
-- At most one live subscription per account: granting a new plan cancels the old one first.
CREATE UNIQUE INDEX subscriptions_one_active ON accounts.subscriptions (account_id)
    WHERE status = 'ACTIVE';

CREATE TABLE accounts.title_grants (
    id               uuid         PRIMARY KEY,
    account_id       uuid         NOT NULL REFERENCES accounts.accounts (id) ON DELETE CASCADE,
    title_id         uuid         NOT NULL,
    kind             varchar(8)   NOT NULL CHECK (kind IN ('PURCHASE', 'RENTAL')),
    max_height       integer      NOT NULL CHECK (max_height > 0),
    granted_at       timestamptz  NOT NULL,
    -- Rentals: must be started before start_by; once started, watchable for rental_hours.
    start_by         timestamptz,
    rental_hours     integer      CHECK (rental_hours > 0),
    first_played_at  timestamptz,
    revoked_at       timestamptz,
    CHECK (kind = 'PURCHASE' OR (start_by IS NOT NULL AND rental_hours IS NOT NULL))
);
CREATE INDEX title_grants_account_title ON accounts.title_grants (account_id, title_id);

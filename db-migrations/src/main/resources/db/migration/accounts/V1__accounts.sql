-- Accounts: people, their credentials, roles, profiles and devices, and the OAuth2 state that
-- must survive a restart and be shared by every server (refresh-token families, device codes).

CREATE TABLE accounts.accounts (
    id               uuid         PRIMARY KEY,
    email            varchar(320) NOT NULL,
    email_normalized varchar(320) NOT NULL,
    password_hash    varchar(200) NOT NULL,
    display_name     varchar(100) NOT NULL,
    country          char(2),
    created_at       timestamptz  NOT NULL,
    version          bigint       NOT NULL DEFAULT 0,
    CONSTRAINT accounts_email_unique UNIQUE (email_normalized)
);

CREATE TABLE accounts.account_roles (
    account_id uuid        NOT NULL REFERENCES accounts.accounts (id) ON DELETE CASCADE,
    role       varchar(16) NOT NULL CHECK (role IN ('VIEWER', 'CREATOR', 'ADMIN', 'OPERATOR')),
    PRIMARY KEY (account_id, role)
);

CREATE TABLE accounts.profiles (
    id           uuid        PRIMARY KEY,
    account_id   uuid        NOT NULL REFERENCES accounts.accounts (id) ON DELETE CASCADE,
    name         varchar(40) NOT NULL,
    maturity_cap varchar(8)  NOT NULL CHECK (maturity_cap IN ('ALL', 'AGE_7', 'AGE_13', 'AGE_16', 'AGE_18')),
    kids         boolean     NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL,
    version      bigint      NOT NULL DEFAULT 0,
    CONSTRAINT profiles_name_unique UNIQUE (account_id, name)
);
CREATE INDEX profiles_account ON accounts.profiles (account_id);

CREATE TABLE accounts.devices (
    id             uuid         PRIMARY KEY,
    account_id     uuid         NOT NULL REFERENCES accounts.accounts (id) ON DELETE CASCADE,
    name           varchar(80)  NOT NULL,
    device_type    varchar(16)  NOT NULL CHECK (device_type IN ('WEB', 'TV', 'MOBILE', 'TABLET', 'DESKTOP', 'CONSOLE')),
    security_level varchar(16)  NOT NULL CHECK (security_level IN ('SOFTWARE', 'HARDWARE')),
    registered_at  timestamptz  NOT NULL,
    last_seen_at   timestamptz  NOT NULL,
    removed_at     timestamptz
);
CREATE INDEX devices_account ON accounts.devices (account_id);

-- First-party OAuth2 clients (public clients: no secret) and the grants each may use.
CREATE TABLE accounts.oauth_clients (
    client_id   varchar(64)  PRIMARY KEY,
    name        varchar(100) NOT NULL,
    grant_types varchar(300) NOT NULL
);
INSERT INTO accounts.oauth_clients (client_id, name, grant_types) VALUES
    ('marquee-web', 'Marquee web player', 'password refresh_token'),
    ('marquee-tv', 'Marquee TV app', 'urn:ietf:params:oauth:grant-type:device_code refresh_token'),
    ('marquee-mobile', 'Marquee mobile app', 'password refresh_token'),
    ('marquee-cli', 'Marquee command line', 'password urn:ietf:params:oauth:grant-type:device_code refresh_token');

-- A token family is one sign-in: every refresh token it rotates into, until revoked.
CREATE TABLE accounts.token_families (
    id             uuid        PRIMARY KEY,
    account_id     uuid        NOT NULL REFERENCES accounts.accounts (id) ON DELETE CASCADE,
    device_id      uuid        REFERENCES accounts.devices (id) ON DELETE SET NULL,
    client_id      varchar(64) NOT NULL REFERENCES accounts.oauth_clients (client_id),
    created_at     timestamptz NOT NULL,
    revoked_at     timestamptz,
    revoked_reason varchar(32)
);
CREATE INDEX token_families_account ON accounts.token_families (account_id);
CREATE INDEX token_families_device ON accounts.token_families (device_id);

-- Only the SHA-256 of a refresh token is stored.
CREATE TABLE accounts.refresh_tokens (
    token_hash varchar(64) PRIMARY KEY,
    family_id  uuid        NOT NULL REFERENCES accounts.token_families (id) ON DELETE CASCADE,
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX refresh_tokens_family ON accounts.refresh_tokens (family_id);

-- RFC 8628 device authorization requests; only the SHA-256 of the device code is stored.
CREATE TABLE accounts.device_authorizations (
    device_code_hash varchar(64) PRIMARY KEY,
    user_code        varchar(9)  NOT NULL,
    client_id        varchar(64) NOT NULL REFERENCES accounts.oauth_clients (client_id),
    device_name      varchar(80) NOT NULL,
    device_type      varchar(16) NOT NULL,
    status           varchar(12) NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'DENIED', 'CONSUMED')),
    account_id       uuid        REFERENCES accounts.accounts (id) ON DELETE CASCADE,
    interval_seconds integer     NOT NULL,
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    last_polled_at   timestamptz
);
CREATE UNIQUE INDEX device_authorizations_user_code ON accounts.device_authorizations (user_code)
    WHERE status IN ('PENDING', 'APPROVED');

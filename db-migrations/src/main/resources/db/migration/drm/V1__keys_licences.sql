-- Content keys (wrapped by a key-encryption key that never enters the database), offline licences
-- and the audit trail of every licence decision.

CREATE TABLE drm.content_keys (
    title_id    uuid         NOT NULL,
    track_type  varchar(5)   NOT NULL CHECK (track_type IN ('SD', 'HD', 'UHD', 'AUDIO')),
    key_id      uuid         NOT NULL UNIQUE,
    -- AES-256-GCM: 12-byte nonce || ciphertext || 16-byte tag, AAD = title, track type and key id.
    wrapped     bytea        NOT NULL,
    kek_id      varchar(40)  NOT NULL,
    created_at  timestamptz  NOT NULL,
    PRIMARY KEY (title_id, track_type)
);
CREATE INDEX content_keys_kek ON drm.content_keys (kek_id);

CREATE TABLE drm.offline_licences (
    id               uuid         PRIMARY KEY,
    account_id       uuid         NOT NULL,
    profile_id       uuid         NOT NULL,
    device_id        uuid         NOT NULL,
    title_id         uuid         NOT NULL,
    key_ids          varchar(400) NOT NULL,
    issued_at        timestamptz  NOT NULL,
    expires_at       timestamptz  NOT NULL,
    play_seconds     bigint       NOT NULL,
    first_played_at  timestamptz,
    revoked_at       timestamptz,
    revoked_by       uuid
);
CREATE INDEX offline_licences_account ON drm.offline_licences (account_id, expires_at);

CREATE TABLE drm.licence_audit (
    id          bigserial    PRIMARY KEY,
    at          timestamptz  NOT NULL,
    kind        varchar(10)  NOT NULL CHECK (kind IN ('STREAMING', 'OFFLINE', 'HLS_KEY')),
    outcome     varchar(7)   NOT NULL CHECK (outcome IN ('GRANTED', 'DENIED')),
    rule        varchar(40)  NOT NULL,
    account_id  uuid,
    profile_id  uuid,
    device_id   uuid,
    session_id  uuid,
    title_id    uuid,
    key_ids     varchar(400)
);
CREATE INDEX licence_audit_at ON drm.licence_audit (at DESC);
CREATE INDEX licence_audit_title ON drm.licence_audit (title_id, at DESC);
CREATE INDEX licence_audit_account ON drm.licence_audit (account_id, at DESC);

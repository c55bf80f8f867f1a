-- Resume positions: one row per profile, title and device; writes are idempotent and the latest
-- client timestamp wins. updated_at (database clock) lets every server pick up new positions to
-- push to the other devices of the profile.

CREATE TABLE playback.positions (
    account_id   uuid         NOT NULL,
    profile_id   uuid         NOT NULL,
    title_id     uuid         NOT NULL,
    device_id    uuid         NOT NULL,
    position_ms  bigint       NOT NULL CHECK (position_ms >= 0),
    client_time  timestamptz  NOT NULL,
    event        varchar(8)   NOT NULL CHECK (event IN ('PERIODIC', 'PAUSE', 'SEEK', 'STOP')),
    watched      boolean      NOT NULL,
    updated_at   timestamptz  NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (profile_id, title_id, device_id)
);
CREATE INDEX positions_profile_recent ON playback.positions (profile_id, client_time DESC);
CREATE INDEX positions_updated ON playback.positions (updated_at);

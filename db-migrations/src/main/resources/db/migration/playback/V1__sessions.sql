-- Playback sessions: one per device playing a title. A session is active until it is stopped or
-- its heartbeat goes silent; active sessions count against the plan's concurrent-stream limit.

CREATE TABLE playback.sessions (
    id                 uuid         PRIMARY KEY,
    account_id         uuid         NOT NULL,
    profile_id         uuid         NOT NULL,
    device_id          uuid         NOT NULL,
    device_name        varchar(80)  NOT NULL,
    title_id           uuid         NOT NULL,
    security_level     varchar(8)   NOT NULL,
    max_height         integer      NOT NULL,
    region             varchar(5),
    created_at         timestamptz  NOT NULL,
    last_heartbeat_at  timestamptz  NOT NULL,
    expires_at         timestamptz  NOT NULL,
    ended_at           timestamptz,
    end_reason         varchar(12)
);
CREATE INDEX sessions_account_active ON playback.sessions (account_id, expires_at) WHERE ended_at IS NULL;

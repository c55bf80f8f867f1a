-- Quality of experience: what players report about each playback session. One row per event;
-- (session_id, seq) makes a resent batch harmless. Aggregates per title and day are computed from
-- these rows (day = the UTC day the server received the event).

CREATE TABLE playback.qoe_events (
    session_id   uuid         NOT NULL,
    seq          integer      NOT NULL CHECK (seq >= 0),
    account_id   uuid         NOT NULL,
    title_id     uuid         NOT NULL,
    device_id    uuid         NOT NULL,
    type         varchar(16)  NOT NULL CHECK (type IN ('STARTUP', 'REBUFFER_START', 'REBUFFER_END',
                                                     'BITRATE_SWITCH', 'PLAYED', 'ERROR', 'END')),
    client_time  timestamptz  NOT NULL,
    received_at  timestamptz  NOT NULL DEFAULT now(),
    day          date         NOT NULL DEFAULT (now() AT TIME ZONE 'UTC')::date,
    value_ms     bigint       CHECK (value_ms >= 0),
    bitrate      bigint       CHECK (bitrate >= 0),
    height       integer      CHECK (height >= 0),
    code         varchar(64),
    PRIMARY KEY (session_id, seq)
);
CREATE INDEX qoe_events_title_day ON playback.qoe_events (title_id, day);

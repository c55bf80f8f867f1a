-- Every server writes a heartbeat row here every few seconds: how it takes transcode partitions
-- (BATCH_PARTITIONS), whether its own readiness checks were all up at that beat, and when it
-- beat. The job console's worker servers page reads it beside the chunks each server encoded; a
-- server that stopped beating keeps its row, shown by when it was last heard from.
CREATE TABLE transcode.servers (
    server_id        varchar(120) PRIMARY KEY,
    partitions       varchar(40)  NOT NULL,
    takes_partitions boolean      NOT NULL,
    ready            boolean      NOT NULL,
    not_ready        varchar(500),
    started_at       timestamptz  NOT NULL,
    last_seen        timestamptz  NOT NULL
);

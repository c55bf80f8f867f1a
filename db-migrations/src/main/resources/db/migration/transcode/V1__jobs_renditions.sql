-- Transcode: one job per master, its chunk x rung tasks (progress and checkpoints), and what it
-- produced: renditions and the segment index players' manifests are rendered from.

CREATE TABLE transcode.jobs (
    id            uuid         PRIMARY KEY,
    title_id      uuid         NOT NULL,
    execution_id  bigint,
    master_key    varchar(600) NOT NULL,
    output_prefix varchar(600) NOT NULL,
    state         varchar(12)  NOT NULL CHECK (state IN ('SUBMITTED', 'PLANNED', 'PUBLISHED', 'FAILED')),
    fps_num       integer,
    fps_den       integer,
    chunk_frames  integer,
    total_frames  bigint,
    chunk_count   integer,
    source_width  integer,
    source_height integer,
    failure       varchar(1000),
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL
);
CREATE INDEX jobs_title ON transcode.jobs (title_id, created_at);

CREATE TABLE transcode.chunk_tasks (
    job_id       uuid        NOT NULL REFERENCES transcode.jobs (id) ON DELETE CASCADE,
    chunk_index  integer     NOT NULL,
    rung         varchar(16) NOT NULL,
    first_frame  bigint      NOT NULL,
    frame_count  integer     NOT NULL,
    state        varchar(8)  NOT NULL CHECK (state IN ('PENDING', 'DONE')),
    attempts     integer     NOT NULL DEFAULT 0,
    size_bytes   bigint,
    codecs       varchar(64),
    avc_config   text,
    width        integer,
    height       integer,
    finished_at  timestamptz,
    PRIMARY KEY (job_id, rung, chunk_index)
);

CREATE TABLE transcode.renditions (
    id             uuid         PRIMARY KEY,
    title_id       uuid         NOT NULL,
    job_id         uuid         NOT NULL REFERENCES transcode.jobs (id) ON DELETE CASCADE,
    kind           varchar(8)   NOT NULL CHECK (kind IN ('VIDEO', 'AUDIO')),
    name           varchar(32)  NOT NULL,
    width          integer,
    height         integer,
    language       varchar(8),
    codecs         varchar(64)  NOT NULL,
    timescale      integer      NOT NULL,
    target_bitrate bigint       NOT NULL,
    average_bandwidth bigint    NOT NULL,
    peak_bandwidth bigint       NOT NULL,
    init_key       varchar(600) NOT NULL,
    segment_count  integer      NOT NULL,
    UNIQUE (job_id, kind, name)
);
CREATE INDEX renditions_title ON transcode.renditions (title_id);

CREATE TABLE transcode.segments (
    rendition_id  uuid         NOT NULL REFERENCES transcode.renditions (id) ON DELETE CASCADE,
    segment_index integer      NOT NULL,
    start_time    bigint       NOT NULL,
    duration      integer      NOT NULL,
    size_bytes    integer      NOT NULL,
    storage_key   varchar(600) NOT NULL,
    PRIMARY KEY (rendition_id, segment_index)
);

-- Ingest: resumable uploads of masters. The parts themselves live in S3 (multipart upload);
-- this row is the upload's identity, its declared size and checksum, and its outcome.

CREATE TABLE ingest.uploads (
    id             uuid          PRIMARY KEY,
    owner_id       uuid          NOT NULL,
    file_name      varchar(255)  NOT NULL,
    size_bytes     bigint        NOT NULL CHECK (size_bytes > 0),
    sha256         char(64)      NOT NULL,
    part_size      bigint        NOT NULL CHECK (part_size > 0),
    storage_key    varchar(600)  NOT NULL,
    s3_upload_id   varchar(1024) NOT NULL,
    title_metadata text          NOT NULL,
    state          varchar(12)   NOT NULL CHECK (state IN ('OPEN', 'COMPLETING', 'COMPLETED', 'FAILED', 'ABORTED')),
    failure_type   varchar(64),
    failure_detail varchar(1000),
    title_id       uuid,
    media_info     text,
    created_at     timestamptz   NOT NULL,
    updated_at     timestamptz   NOT NULL,
    version        bigint        NOT NULL DEFAULT 0
);
CREATE INDEX uploads_owner ON ingest.uploads (owner_id, created_at);
CREATE INDEX uploads_title ON ingest.uploads (title_id);

-- Audio tracks added to a title after its master (other languages, audio description): the file
-- as sent, in object storage, one per language and role; transcode encodes it into a rendition.
CREATE TABLE ingest.audio_tracks (
    title_id     uuid         NOT NULL,
    language     varchar(8)   NOT NULL,
    role         varchar(16)  NOT NULL CHECK (role IN ('main', 'description')),
    storage_key  varchar(600) NOT NULL,
    stream_index integer      NOT NULL,
    codec        varchar(32)  NOT NULL,
    channels     integer      NOT NULL,
    duration_ms  bigint       NOT NULL,
    added_by     uuid         NOT NULL,
    created_at   timestamptz  NOT NULL,
    PRIMARY KEY (title_id, language, role)
);

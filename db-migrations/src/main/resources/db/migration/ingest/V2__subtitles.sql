-- Subtitle files added to a title, one per language, stored as WebVTT in object storage.
CREATE TABLE ingest.subtitles (
    title_id      uuid         NOT NULL,
    language      varchar(8)   NOT NULL,
    storage_key   varchar(600) NOT NULL,
    cue_count     integer      NOT NULL,
    source_format varchar(8)   NOT NULL CHECK (source_format IN ('SRT', 'WEBVTT')),
    uploaded_by   uuid         NOT NULL,
    created_at    timestamptz  NOT NULL,
    PRIMARY KEY (title_id, language)
);

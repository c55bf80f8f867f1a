-- Subtitles may also come from text subtitle streams inside the master (read at ingest).
ALTER TABLE ingest.subtitles DROP CONSTRAINT subtitles_source_format_check;
ALTER TABLE ingest.subtitles
    ADD CONSTRAINT subtitles_source_format_check
    CHECK (source_format IN ('SRT', 'WEBVTT', 'MASTER'));

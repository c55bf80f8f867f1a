-- Trick-play thumbnails (ADR 37): a job's JPEG sprite sheets are one more rendition of it, of kind
-- IMAGE, with a segment per sheet. Sheets have no init segment, and a sheet's grid and the time each
-- tile stands for (in the rendition's timescale) are the rendition's.
ALTER TABLE transcode.renditions DROP CONSTRAINT renditions_kind_check;
ALTER TABLE transcode.renditions
    ADD CONSTRAINT renditions_kind_check CHECK (kind IN ('VIDEO', 'AUDIO', 'IMAGE'));
ALTER TABLE transcode.renditions ALTER COLUMN init_key DROP NOT NULL;
ALTER TABLE transcode.renditions ADD COLUMN tile_columns integer;
ALTER TABLE transcode.renditions ADD COLUMN tile_rows integer;
ALTER TABLE transcode.renditions ADD COLUMN tile_duration integer;
ALTER TABLE transcode.renditions ADD CONSTRAINT renditions_image_tiles CHECK (
    (kind = 'IMAGE') = (tile_columns IS NOT NULL AND tile_rows IS NOT NULL AND tile_duration IS NOT NULL));

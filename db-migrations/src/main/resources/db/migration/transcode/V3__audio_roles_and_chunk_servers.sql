-- An audio rendition's role: the main programme audio, or audio description for blind and
-- partially sighted viewers (DASH Role "description", HLS public.accessibility.describes-video).
ALTER TABLE transcode.renditions
    ADD COLUMN role varchar(16) NOT NULL DEFAULT 'main' CHECK (role IN ('main', 'description'));

-- Which server encoded a chunk (partitions may run on other servers: multi-JVM partitions).
ALTER TABLE transcode.chunk_tasks ADD COLUMN encoded_by varchar(120);

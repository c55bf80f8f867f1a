-- Search on PostgreSQL (the embedded default adapter): trigram indexes for prefix and typo-tolerant
-- title matching, and popularity for sorting. pg_trgm ships with PostgreSQL's contrib and is a
-- trusted extension (a database owner may create it); its functions live in schema public.

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

ALTER TABLE catalog.titles ADD COLUMN popularity bigint NOT NULL DEFAULT 0;

CREATE INDEX titles_name_trgm ON catalog.titles USING gin (lower(name) public.gin_trgm_ops);
CREATE INDEX titles_published_newest ON catalog.titles (created_at DESC, id) WHERE state = 'PUBLISHED';
CREATE INDEX titles_published_popular ON catalog.titles (popularity DESC, created_at DESC, id)
    WHERE state = 'PUBLISHED';

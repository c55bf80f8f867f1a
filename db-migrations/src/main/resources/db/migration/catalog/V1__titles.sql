-- Catalog, first cut: titles as ingest creates them (series, search and engagement come later).

CREATE TABLE catalog.categories (
    slug varchar(32)  PRIMARY KEY,
    name varchar(64)  NOT NULL
);
INSERT INTO catalog.categories (slug, name) VALUES
    ('action', 'Action'), ('animation', 'Animation'), ('comedy', 'Comedy'),
    ('documentary', 'Documentary'), ('drama', 'Drama'), ('family', 'Family'),
    ('horror', 'Horror'), ('kids', 'Kids'), ('music', 'Music'), ('news', 'News'),
    ('romance', 'Romance'), ('sci-fi', 'Science fiction'), ('sport', 'Sport'),
    ('thriller', 'Thriller');

CREATE TABLE catalog.titles (
    id              uuid         PRIMARY KEY,
    owner_id        uuid         NOT NULL,
    name            varchar(200) NOT NULL,
    synopsis        varchar(4000) NOT NULL,
    language        varchar(3)   NOT NULL,
    category        varchar(32)  NOT NULL REFERENCES catalog.categories (slug),
    maturity_rating varchar(8)   NOT NULL CHECK (maturity_rating IN ('ALL', 'AGE_7', 'AGE_13', 'AGE_16', 'AGE_18')),
    release_year    integer      NOT NULL,
    regions         varchar(1000) NOT NULL,
    available_from  timestamptz  NOT NULL,
    available_until timestamptz,
    offline_allowed boolean      NOT NULL,
    state           varchar(16)  NOT NULL CHECK (state IN ('INGESTED', 'PROCESSING', 'PUBLISHED', 'FAILED', 'UNPUBLISHED')),
    duration_ms     bigint,
    created_at      timestamptz  NOT NULL,
    version         bigint       NOT NULL DEFAULT 0
);
CREATE INDEX titles_owner ON catalog.titles (owner_id);

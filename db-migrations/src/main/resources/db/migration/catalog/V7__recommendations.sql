-- Recommendations (ADR 31): a batch job computes, from completions and views, each profile's list
-- ("because you watched", then popular titles) and one list of popular titles for profiles without
-- history. Requests read these rows and apply the cheap filters (published, region, window,
-- maturity cap) against catalog.titles at read time.

CREATE TABLE catalog.recommendations (
    profile_id   uuid              NOT NULL,
    rank         integer           NOT NULL,
    title_id     uuid              NOT NULL REFERENCES catalog.titles (id) ON DELETE CASCADE,
    score        double precision  NOT NULL,
    reason       varchar(12)       NOT NULL CHECK (reason IN ('CO_WATCHED', 'POPULAR')),
    because_of   uuid              REFERENCES catalog.titles (id) ON DELETE SET NULL,
    computed_at  timestamptz       NOT NULL,
    PRIMARY KEY (profile_id, rank)
);

CREATE TABLE catalog.popular_titles (
    rank         integer           PRIMARY KEY,
    title_id     uuid              NOT NULL REFERENCES catalog.titles (id) ON DELETE CASCADE,
    score        double precision  NOT NULL,
    computed_at  timestamptz       NOT NULL
);

-- One row: when the job last started and how many completions existed then, so that the periodic
-- check on every server starts at most one run (a conditional update decides who claims it).
CREATE TABLE catalog.recommendation_runs (
    id                integer      PRIMARY KEY CHECK (id = 1),
    started_at        timestamptz,
    completions_seen  bigint       NOT NULL DEFAULT 0
);
INSERT INTO catalog.recommendation_runs (id, started_at, completions_seen) VALUES (1, NULL, 0);

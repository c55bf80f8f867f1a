-- Engagement: a profile's own lists, favourites and likes; reports into a moderation queue; views
-- and completions per title and day. Likes and views feed titles.popularity (search's popularity
-- sort), whose updates reach the search index through the outbox like any other change.

CREATE TABLE catalog.lists (
    id          uuid          PRIMARY KEY,
    account_id  uuid          NOT NULL,
    profile_id  uuid          NOT NULL,
    name        varchar(100)  NOT NULL,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    updated_at  timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (profile_id, name)
);

CREATE TABLE catalog.list_items (
    list_id   uuid         NOT NULL REFERENCES catalog.lists (id) ON DELETE CASCADE,
    title_id  uuid         NOT NULL REFERENCES catalog.titles (id) ON DELETE CASCADE,
    position  integer      NOT NULL,
    added_at  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (list_id, title_id)
);

CREATE TABLE catalog.favourites (
    profile_id  uuid         NOT NULL,
    title_id    uuid         NOT NULL REFERENCES catalog.titles (id) ON DELETE CASCADE,
    account_id  uuid         NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (profile_id, title_id)
);

CREATE TABLE catalog.likes (
    profile_id  uuid         NOT NULL,
    title_id    uuid         NOT NULL REFERENCES catalog.titles (id) ON DELETE CASCADE,
    account_id  uuid         NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (profile_id, title_id)
);
CREATE INDEX likes_title ON catalog.likes (title_id);

CREATE TABLE catalog.reports (
    id           uuid           PRIMARY KEY,
    title_id     uuid           NOT NULL REFERENCES catalog.titles (id) ON DELETE CASCADE,
    account_id   uuid           NOT NULL,
    profile_id   uuid           NOT NULL,
    reason       varchar(16)    NOT NULL CHECK (reason IN ('ABUSIVE', 'COPYRIGHT', 'WRONG_RATING',
                                                           'BROKEN', 'OTHER')),
    text         varchar(2000)  NOT NULL,
    state        varchar(12)    NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'DISMISSED', 'ACTIONED')),
    created_at   timestamptz    NOT NULL DEFAULT now(),
    resolved_by  uuid,
    resolved_at  timestamptz,
    resolution   varchar(2000)
);
CREATE INDEX reports_open ON catalog.reports (created_at) WHERE state = 'OPEN';

CREATE TABLE catalog.title_days (
    title_id     uuid     NOT NULL REFERENCES catalog.titles (id) ON DELETE CASCADE,
    day          date     NOT NULL,
    views        bigint   NOT NULL DEFAULT 0,
    completions  bigint   NOT NULL DEFAULT 0,
    PRIMARY KEY (title_id, day)
);

-- A completion counts once per profile, title and day (a title finished on two devices is one).
CREATE TABLE catalog.completions (
    profile_id  uuid  NOT NULL,
    title_id    uuid  NOT NULL REFERENCES catalog.titles (id) ON DELETE CASCADE,
    day         date  NOT NULL,
    PRIMARY KEY (profile_id, title_id, day)
);

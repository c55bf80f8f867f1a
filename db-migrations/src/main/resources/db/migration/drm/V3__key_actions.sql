-- What administrators did to the content keys (a re-wrap under the active key-encryption key, from
-- the API or the console): who, when, through what, the outcome and how many keys moved. Key ids
-- and KEK ids only, never key material. A done re-wrap is written in the re-wrap's transaction; a
-- failed one (nothing changed) in a transaction of its own, with why.
CREATE TABLE drm.key_actions (
    id          bigserial    PRIMARY KEY,
    at          timestamptz  NOT NULL DEFAULT now(),
    action      varchar(12)  NOT NULL CHECK (action IN ('REWRAP')),
    actor_id    uuid         NOT NULL,
    via         varchar(8)   NOT NULL CHECK (via IN ('API', 'CONSOLE')),
    outcome     varchar(6)   NOT NULL CHECK (outcome IN ('DONE', 'FAILED')),
    active_kek  varchar(40),
    rewrapped   integer      NOT NULL DEFAULT 0,
    detail      varchar(400)
);
CREATE INDEX key_actions_actor ON drm.key_actions (actor_id);

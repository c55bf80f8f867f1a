-- The catalog as admins shape it: prices, audio and subtitle languages, artwork, cast and crew,
-- series with seasons and episodes, and an audit of every change (who, when, what, which version).

ALTER TABLE catalog.titles
    ADD COLUMN rent_price_cents   integer      CHECK (rent_price_cents >= 0),
    ADD COLUMN buy_price_cents    integer      CHECK (buy_price_cents >= 0),
    ADD COLUMN currency           char(3),
    ADD COLUMN audio_languages    varchar(200) NOT NULL DEFAULT '',
    ADD COLUMN subtitle_languages varchar(200) NOT NULL DEFAULT '',
    ADD COLUMN poster_key         varchar(300),
    ADD COLUMN backdrop_key       varchar(300),
    ADD COLUMN series_id          uuid,
    ADD COLUMN season_number      integer      CHECK (season_number BETWEEN 1 AND 1000),
    ADD COLUMN episode_number     integer      CHECK (episode_number BETWEEN 1 AND 10000);

CREATE TABLE catalog.series (
    id              uuid          PRIMARY KEY,
    name            varchar(200)  NOT NULL,
    synopsis        varchar(4000) NOT NULL,
    category        varchar(32)   NOT NULL REFERENCES catalog.categories (slug),
    maturity_rating varchar(8)    NOT NULL CHECK (maturity_rating IN ('ALL', 'AGE_7', 'AGE_13', 'AGE_16', 'AGE_18')),
    release_year    integer       NOT NULL,
    created_at      timestamptz   NOT NULL DEFAULT now()
);

ALTER TABLE catalog.titles ADD CONSTRAINT titles_series FOREIGN KEY (series_id) REFERENCES catalog.series (id);
CREATE UNIQUE INDEX titles_episode ON catalog.titles (series_id, season_number, episode_number)
    WHERE series_id IS NOT NULL;

CREATE TABLE catalog.credits (
    title_id   uuid          NOT NULL REFERENCES catalog.titles (id) ON DELETE CASCADE,
    position   integer       NOT NULL,
    person     varchar(200)  NOT NULL,
    role       varchar(16)   NOT NULL CHECK (role IN ('ACTOR', 'DIRECTOR', 'WRITER', 'PRODUCER', 'COMPOSER')),
    character  varchar(200),
    PRIMARY KEY (title_id, position)
);
CREATE INDEX credits_person ON catalog.credits (lower(person));

-- Credits are part of what search indexes: their changes go through the outbox too.
CREATE FUNCTION catalog.enqueue_credit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO catalog.search_outbox (title_id) VALUES (OLD.title_id);
    ELSE
        INSERT INTO catalog.search_outbox (title_id) VALUES (NEW.title_id);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER credits_search_outbox
    AFTER INSERT OR UPDATE OR DELETE ON catalog.credits
    FOR EACH ROW EXECUTE FUNCTION catalog.enqueue_credit_change();

CREATE TABLE catalog.title_audit (
    id        bigserial    PRIMARY KEY,
    title_id  uuid         NOT NULL,
    actor_id  uuid         NOT NULL,
    at        timestamptz  NOT NULL DEFAULT now(),
    version   bigint       NOT NULL,
    changes   text         NOT NULL
);
CREATE INDEX title_audit_title ON catalog.title_audit (title_id, id);

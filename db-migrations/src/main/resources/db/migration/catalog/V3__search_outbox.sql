-- The search index follows the catalog through a transactional outbox: every change to a title
-- (by any code path, in the same transaction) leaves a row here; the relay on any server takes rows
-- (FOR UPDATE SKIP LOCKED), brings the index up to date, and deletes them only once the search
-- engine confirmed. A change made while OpenSearch is down waits here until it is back.

CREATE TABLE catalog.search_outbox (
    id          bigserial    PRIMARY KEY,
    title_id    uuid         NOT NULL,
    enqueued_at timestamptz  NOT NULL DEFAULT now()
);

CREATE FUNCTION catalog.enqueue_search_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO catalog.search_outbox (title_id) VALUES (OLD.id);
    ELSE
        INSERT INTO catalog.search_outbox (title_id) VALUES (NEW.id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER titles_search_outbox
    AFTER INSERT OR UPDATE OR DELETE ON catalog.titles
    FOR EACH ROW EXECUTE FUNCTION catalog.enqueue_search_change();

-- Titles that existed before the outbox: index them on the first relay run.
INSERT INTO catalog.search_outbox (title_id) SELECT id FROM catalog.titles;

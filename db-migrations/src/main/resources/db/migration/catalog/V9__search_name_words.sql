-- Search on PostgreSQL by the words of title names (issue 17). A prefix ("sil") or a typo
-- ("godfater") used to be scored with pg_trgm's word similarity against every candidate title's
-- name, thousands of calls a query on 100,000 titles. Names are made of far fewer distinct words
-- than there are titles, so a query is now matched against the distinct words (a B-tree range for
-- prefixes, a trigram index for typos), and titles are found through the words they contain.
--
-- name_words: the lower-cased name split at spaces, as the LIKE patterns 'q%' and '% q%' split it.
-- title_words: every word any name has (or had: a word left by a renamed title leads to no title
-- and is harmless), kept in step by the triggers below in the same transaction as the title write.

ALTER TABLE catalog.titles
    ADD COLUMN name_words text[] GENERATED ALWAYS AS (string_to_array(lower(name), ' ')) STORED;
CREATE INDEX titles_name_words ON catalog.titles USING gin (name_words);

-- COLLATE "C": byte order, so that a prefix is one range of the primary key.
CREATE TABLE catalog.title_words (
    word text COLLATE "C" PRIMARY KEY
);
CREATE INDEX title_words_trgm ON catalog.title_words USING gin (word public.gin_trgm_ops);

CREATE FUNCTION catalog.add_inserted_title_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- In one order, so that two transactions adding the same new words wait rather than deadlock.
    INSERT INTO catalog.title_words (word)
        SELECT DISTINCT w FROM inserted, unnest(inserted.name_words) AS w WHERE w <> '' ORDER BY w
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER titles_words_inserted
    AFTER INSERT ON catalog.titles REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION catalog.add_inserted_title_words();

CREATE FUNCTION catalog.add_renamed_title_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO catalog.title_words (word)
        SELECT DISTINCT w FROM unnest(NEW.name_words) AS w WHERE w <> '' ORDER BY w
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER titles_words_renamed
    AFTER UPDATE OF name ON catalog.titles
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
    EXECUTE FUNCTION catalog.add_renamed_title_words();

INSERT INTO catalog.title_words (word)
    SELECT DISTINCT w FROM catalog.titles, unnest(name_words) AS w WHERE w <> ''
    ON CONFLICT DO NOTHING;

-- Search on PostgreSQL by the words of title names (issue 17). A one-word text ("sil") matched
-- every candidate title with LIKE and scored it with pg_trgm's word similarity: thousands of calls
-- a query on 100,000 titles. Titles are now found by the words of their names (a prefix is one
-- range of the distinct words, then a GIN lookup), and the similarity is computed only where it can
-- change the answer (see PostgresTitleSearch and NameWords).
--
-- name_words: the lower-cased name split at spaces, exactly as the LIKE patterns 'q%' and '% q%'
-- split it. title_words: every word any name has (or had: a word left by a renamed title leads to
-- no title and is harmless). title_trigrams: every pg_trgm trigram of those words, so a query can
-- tell that no name holds one of its trigrams. Both are kept in step by the triggers below, in the
-- same transaction as the title write.

ALTER TABLE catalog.titles
    ADD COLUMN name_words text[] GENERATED ALWAYS AS (string_to_array(lower(name), ' ')) STORED;
CREATE INDEX titles_name_words ON catalog.titles USING gin (name_words);

-- COLLATE "C": byte order, so that the words starting with a prefix are one range of the key.
CREATE TABLE catalog.title_words (
    word text COLLATE "C" PRIMARY KEY
);

CREATE TABLE catalog.title_trigrams (
    trigram text COLLATE "C" PRIMARY KEY
);

-- Adds words and their trigrams: all words first, then all trigrams, each in one sorted order.
-- Two transactions adding words that share a trigram then wait for each other in one order and
-- never deadlock (a trigger per word would take trigram locks in word order, and two titles with
-- different new words sharing trigrams could each hold one the other needs).
CREATE FUNCTION catalog.add_title_words(words text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO catalog.title_words (word)
        SELECT DISTINCT w FROM unnest(words) AS w WHERE w <> '' ORDER BY w
        ON CONFLICT DO NOTHING;
    INSERT INTO catalog.title_trigrams (trigram)
        SELECT DISTINCT g FROM unnest(words) AS w, unnest(public.show_trgm(w)) AS g
        WHERE w <> '' ORDER BY g
        ON CONFLICT DO NOTHING;
END
$$;

CREATE FUNCTION catalog.add_inserted_title_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM catalog.add_title_words(ARRAY(SELECT w FROM inserted, unnest(inserted.name_words) AS w));
    RETURN NULL;
END
$$;

CREATE TRIGGER titles_words_inserted
    AFTER INSERT ON catalog.titles REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION catalog.add_inserted_title_words();

CREATE FUNCTION catalog.add_renamed_title_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM catalog.add_title_words(NEW.name_words);
    RETURN NULL;
END
$$;

CREATE TRIGGER titles_words_renamed
    AFTER UPDATE OF name ON catalog.titles
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
    EXECUTE FUNCTION catalog.add_renamed_title_words();

-- Browsing one category (no text, the facet queries): its published titles by an index rather than
-- by reading every title.
CREATE INDEX titles_published_category ON catalog.titles (category) WHERE state = 'PUBLISHED';

SELECT catalog.add_title_words(ARRAY(SELECT w FROM catalog.titles, unnest(name_words) AS w));

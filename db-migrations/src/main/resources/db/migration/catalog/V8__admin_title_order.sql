-- The console's titles list (TitleFinder) pages through every title by name, or through one
-- state's titles by name. Without these, each page sorted the whole table (100,000 titles: about
-- half a second a page). With them a page is an index walk; a fragment of a name is matched as
-- lower(name) LIKE, which the trigram index titles_name_trgm (V2) serves.
CREATE INDEX titles_by_name ON catalog.titles (lower(name), id);
CREATE INDEX titles_state_by_name ON catalog.titles (state, lower(name), id);

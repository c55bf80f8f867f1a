-- A still grabbed from the master at ingest: the artwork a title shows until an admin sets a
-- poster or a backdrop.
ALTER TABLE catalog.titles ADD COLUMN still_key varchar(300);

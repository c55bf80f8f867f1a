-- The licence decision moved from drm to playback (ADR 45): playback owns who may watch, drm keeps
-- the keys. The audit trail of licence decisions and the offline licences move with it. SET SCHEMA
-- keeps every row, and takes the tables' indexes, constraints and the audit id's sequence along.
-- drm's migrations run before playback's (schemas.txt), so on a new database the tables exist here.
ALTER TABLE drm.licence_audit SET SCHEMA playback;
ALTER TABLE drm.offline_licences SET SCHEMA playback;

-- During a rolling upgrade, servers of the previous release still write and read the old names
-- until they are restarted. These views (simple, so PostgreSQL updates them: an INSERT through one
-- lands in the moved table with its defaults) keep those servers answering. A later release drops
-- them, once no server of the previous one can be running.
CREATE VIEW drm.licence_audit AS SELECT * FROM playback.licence_audit;
CREATE VIEW drm.offline_licences AS SELECT * FROM playback.offline_licences;

-- The licence decision moved from drm to playback (ADR 45): playback owns who may watch, drm keeps
-- the keys. The audit trail of licence decisions and the offline licences move with it. SET SCHEMA
-- keeps every row, and takes the tables' indexes, constraints and the audit id's sequence along.
-- drm's migrations run before playback's (schemas.txt), so on a new database the tables exist here.
ALTER TABLE drm.licence_audit SET SCHEMA playback;
ALTER TABLE drm.offline_licences SET SCHEMA playback;

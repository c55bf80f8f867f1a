-- The device's security level as the licence decision saw it (SOFTWARE or HARDWARE), so the audit
-- answers "why did this device get only SD keys" without reading today's level of the device.
-- Null for decisions made before this column, and for requests refused before the level was read.
ALTER TABLE drm.licence_audit ADD COLUMN security_level varchar(8)
    CHECK (security_level IN ('SOFTWARE', 'HARDWARE'));

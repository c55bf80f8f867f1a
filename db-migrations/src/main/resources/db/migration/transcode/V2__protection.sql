-- Renditions are stored encrypted, once per Common Encryption scheme: object keys hold a {scheme}
-- placeholder (cenc, cbcs) and the rendition records its content key's id (never the key).
ALTER TABLE transcode.renditions ADD COLUMN key_id uuid;
ALTER TABLE transcode.renditions ADD COLUMN schemes varchar(20) NOT NULL DEFAULT '';

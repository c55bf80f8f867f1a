-- How many times servers restarted this job on their own after it was interrupted (a server that
-- died mid-job); bounded, so a job that kills its server every time is not restarted forever.
ALTER TABLE transcode.jobs ADD COLUMN automatic_restarts integer NOT NULL DEFAULT 0;

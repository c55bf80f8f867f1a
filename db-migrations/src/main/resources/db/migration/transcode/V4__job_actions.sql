-- What operators did to jobs from the job console (restart, stop, abandon): who, when, which
-- execution it applied to and the outcome.
CREATE TABLE transcode.job_actions (
    id           bigserial    PRIMARY KEY,
    job_id       uuid         NOT NULL REFERENCES transcode.jobs (id) ON DELETE CASCADE,
    action       varchar(12)  NOT NULL CHECK (action IN ('RESTART', 'STOP', 'ABANDON')),
    actor_id     uuid         NOT NULL,
    execution_id bigint,
    at           timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX job_actions_job ON transcode.job_actions (job_id, id);

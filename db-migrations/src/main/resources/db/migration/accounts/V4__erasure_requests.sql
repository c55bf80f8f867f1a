-- GDPR erasure (right to be forgotten) as a durable saga. A request is written, with the account's
-- sign-ins revoked, before the viewer gets 202; any server then works through it, one module's
-- part per transaction. erasure_steps records the parts that are done, committed in the same
-- transaction as the part's own deletes, so a server that dies midway leaves a request another
-- server finishes without redoing a finished part. When the last part (accounts itself) is done,
-- account_id is cleared: afterwards the row keeps only the pseudonym that audit trails now carry.

CREATE TABLE accounts.erasure_requests (
    id            uuid          PRIMARY KEY,
    account_id    uuid          UNIQUE,
    pseudonym     uuid          NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    requested_at  timestamptz   NOT NULL DEFAULT now(),
    completed_at  timestamptz,
    attempts      integer       NOT NULL DEFAULT 0,
    -- A lease: the server working on the request, and until when; an expired lease is taken over.
    claimed_by    varchar(120),
    claimed_until timestamptz,
    last_error    varchar(1000),
    CHECK ((completed_at IS NULL) = (account_id IS NOT NULL))
);
CREATE INDEX erasure_requests_pending ON accounts.erasure_requests (requested_at)
    WHERE completed_at IS NULL;

CREATE TABLE accounts.erasure_steps (
    request_id uuid         NOT NULL REFERENCES accounts.erasure_requests (id) ON DELETE CASCADE,
    part       varchar(32)  NOT NULL,
    done_at    timestamptz  NOT NULL,
    PRIMARY KEY (request_id, part)
);

-- The device security audit outlives the device: an erased account's devices go, the
-- administrators' decisions stay with a pseudonym in account_id (and in changed_by).
ALTER TABLE accounts.device_security_changes ALTER COLUMN device_id DROP NOT NULL;
ALTER TABLE accounts.device_security_changes
    DROP CONSTRAINT device_security_changes_device_id_fkey;
ALTER TABLE accounts.device_security_changes
    ADD CONSTRAINT device_security_changes_device_id_fkey
    FOREIGN KEY (device_id) REFERENCES accounts.devices (id) ON DELETE SET NULL;

-- Rate limits shared by every server: one row per rule and subject (a SHA-256 digest of the client
-- address, account or email, never the value itself), counting hits in the current fixed window.
CREATE TABLE platform.rate_limit_windows (
    rule         varchar(64)  NOT NULL,
    subject      bytea        NOT NULL,
    window_start timestamptz  NOT NULL,
    hits         integer      NOT NULL,
    PRIMARY KEY (rule, subject)
);
CREATE INDEX rate_limit_windows_start ON platform.rate_limit_windows (window_start);

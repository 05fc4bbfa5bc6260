-- Enori MCP schema, version 5: job heartbeats, and the domain registration expiry that Domain checks read over
-- RDAP. Same portability rules as version 1.

ALTER TABLE monitors ADD COLUMN domain_expires_at TIMESTAMP(6) WITH TIME ZONE;

ALTER TABLE check_results ADD COLUMN domain_expires_at TIMESTAMP(6) WITH TIME ZONE;

CREATE TABLE job_pings (
    id          VARCHAR(64)  NOT NULL,
    account_id  VARCHAR(64)  NOT NULL,
    monitor_id  VARCHAR(64)  NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    run_id      VARCHAR(200),
    received_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_job_pings PRIMARY KEY (id),
    CONSTRAINT fk_job_pings_monitor FOREIGN KEY (account_id, monitor_id)
        REFERENCES monitors (account_id, id) ON DELETE CASCADE
);

-- Serves the newest-first listing, the latest ping and (with kind) the last success; and the cascade.
CREATE INDEX ix_job_pings_monitor_time ON job_pings (account_id, monitor_id, received_at DESC, id);

CREATE INDEX ix_job_pings_monitor_kind_time ON job_pings (account_id, monitor_id, kind, received_at DESC, id);

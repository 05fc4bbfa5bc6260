-- Enori MCP schema, version 7: what a job heartbeat may carry (duration, message, numeric metrics) and the
-- per-monitor heartbeat token that authenticates anonymous pings. Same portability rules as version 1.

ALTER TABLE job_pings ADD COLUMN duration_ms BIGINT;

ALTER TABLE job_pings ADD COLUMN message VARCHAR(1000);

-- One row per metric of a ping; time, run and monitor are copied from the ping so a series reads one index.
-- t_ms (epoch milliseconds) lets both databases bucket a series with plain integer division.
CREATE TABLE job_ping_metrics (
    ping_id      VARCHAR(64)      NOT NULL,
    account_id   VARCHAR(64)      NOT NULL,
    monitor_id   VARCHAR(64)      NOT NULL,
    metric_key   VARCHAR(64)      NOT NULL,
    metric_value DOUBLE PRECISION NOT NULL,
    run_id       VARCHAR(200),
    t            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    t_ms         BIGINT           NOT NULL,
    CONSTRAINT pk_job_ping_metrics PRIMARY KEY (ping_id, metric_key),
    CONSTRAINT fk_job_ping_metrics_ping FOREIGN KEY (ping_id) REFERENCES job_pings (id) ON DELETE CASCADE
);

CREATE INDEX ix_job_ping_metrics_series ON job_ping_metrics (account_id, monitor_id, metric_key, t_ms);

-- Stored in plain text: the token only lets its holder report heartbeats of one monitor, and users need to
-- read the heartbeat URL again (get_monitor) to configure their jobs.
CREATE TABLE job_heartbeat_tokens (
    token       VARCHAR(64)  NOT NULL,
    account_id  VARCHAR(64)  NOT NULL,
    monitor_id  VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_job_heartbeat_tokens PRIMARY KEY (token),
    CONSTRAINT uq_job_heartbeat_tokens_monitor UNIQUE (account_id, monitor_id),
    CONSTRAINT fk_job_heartbeat_tokens_monitor FOREIGN KEY (account_id, monitor_id)
        REFERENCES monitors (account_id, id) ON DELETE CASCADE
);

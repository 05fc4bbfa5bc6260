-- Enori MCP schema, version 6: SLOs, their daily rollups, and the periods monitors were paused (which SLOs may
-- exclude). Same portability rules as version 1.

-- window_type is ROLLING (window_days set) or CALENDAR (calendar_cycle set). target is DECIMAL(6,3) so that
-- 99.999 is stored exactly.
CREATE TABLE slos (
    id                   VARCHAR(64)   NOT NULL,
    account_id           VARCHAR(64)   NOT NULL,
    monitor_id           VARCHAR(64)   NOT NULL,
    name                 VARCHAR(200)  NOT NULL,
    description          VARCHAR(2000),
    sli                  VARCHAR(16)   NOT NULL,
    target               DECIMAL(6, 3) NOT NULL,
    window_type          VARCHAR(16)   NOT NULL,
    window_days          INTEGER,
    calendar_cycle       VARCHAR(16),
    latency_threshold_ms INTEGER,
    exclude_maintenance  BOOLEAN       NOT NULL,
    exclude_paused       BOOLEAN       NOT NULL,
    burn_alert_policy    VARCHAR(16)   NOT NULL,
    created_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_slos PRIMARY KEY (id),
    CONSTRAINT uq_slos_account_id UNIQUE (account_id, id),
    CONSTRAINT fk_slos_monitor FOREIGN KEY (account_id, monitor_id)
        REFERENCES monitors (account_id, id) ON DELETE CASCADE
);

-- Serves listForMonitor (once per recorded check) and the cascade when a monitor is deleted.
CREATE INDEX ix_slos_monitor ON slos (account_id, monitor_id, created_at, id);

-- Per SLO per UTC day: good and valid checks, and checks excluded from both. "day" is quoted (lower case) in
-- every statement because DAY is a keyword in H2.
CREATE TABLE slo_burn_daily (
    account_id VARCHAR(64) NOT NULL,
    slo_id     VARCHAR(64) NOT NULL,
    "day"      DATE        NOT NULL,
    good       BIGINT      NOT NULL,
    valid      BIGINT      NOT NULL,
    excluded   BIGINT      NOT NULL,
    CONSTRAINT pk_slo_burn_daily PRIMARY KEY (slo_id, "day"),
    CONSTRAINT ck_slo_burn_daily_counts CHECK (good >= 0 AND valid >= good AND excluded >= 0),
    CONSTRAINT fk_slo_burn_daily_slo FOREIGN KEY (account_id, slo_id)
        REFERENCES slos (account_id, id) ON DELETE CASCADE
);

-- One row per pause; resumed_at is NULL while the monitor is still paused. [paused_at, resumed_at) is excluded
-- from SLOs that exclude paused time.
CREATE TABLE monitor_pauses (
    account_id VARCHAR(64) NOT NULL,
    monitor_id VARCHAR(64) NOT NULL,
    paused_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    resumed_at TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT pk_monitor_pauses PRIMARY KEY (account_id, monitor_id, paused_at),
    CONSTRAINT ck_monitor_pauses_order CHECK (resumed_at IS NULL OR resumed_at >= paused_at),
    CONSTRAINT fk_monitor_pauses_monitor FOREIGN KEY (account_id, monitor_id)
        REFERENCES monitors (account_id, id) ON DELETE CASCADE
);

-- Monitors paused before this version: their pause began at their last config change at the latest.
INSERT INTO monitor_pauses (account_id, monitor_id, paused_at, resumed_at)
    SELECT account_id, id, updated_at, NULL FROM monitors WHERE paused = TRUE;

-- Counting a monitor's raw checks in a time range (the SLO's partial edge days) is served by
-- ix_check_results_monitor_time from version 1.

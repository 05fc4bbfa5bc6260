-- Browser monitors: the browser half of a BROWSER monitor (steps and variables as JSON), the details of each
-- browser check (beside its ordinary check_results row), and the built-in billing gateway's items.

CREATE TABLE browser_monitors (
    account_id      VARCHAR(64)    NOT NULL,
    monitor_id      VARCHAR(64)    NOT NULL,
    steps           VARCHAR(200000) NOT NULL,
    variables       VARCHAR(100000) NOT NULL,
    healing         VARCHAR(16)    NOT NULL,
    healed_step     INTEGER,
    billing_item_id VARCHAR(64),
    billed_from     TIMESTAMP(6) WITH TIME ZONE,
    updated_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_browser_monitors PRIMARY KEY (account_id, monitor_id),
    CONSTRAINT fk_browser_monitors_monitor FOREIGN KEY (account_id, monitor_id)
        REFERENCES monitors (account_id, id) ON DELETE CASCADE
);

CREATE TABLE browser_checks (
    id               VARCHAR(64)    NOT NULL,
    account_id       VARCHAR(64)    NOT NULL,
    monitor_id       VARCHAR(64)    NOT NULL,
    check_result_id  VARCHAR(64),
    status           VARCHAR(8)     NOT NULL,
    steps            VARCHAR(200000) NOT NULL,
    lcp_ms           DOUBLE PRECISION,
    cls              DOUBLE PRECISION,
    inp_ms           DOUBLE PRECISION,
    console_errors   VARCHAR(100000) NOT NULL,
    failure_analysis VARCHAR(4000),
    checked_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_browser_checks PRIMARY KEY (id),
    CONSTRAINT fk_browser_checks_monitor FOREIGN KEY (account_id, monitor_id)
        REFERENCES monitors (account_id, id) ON DELETE CASCADE
);

CREATE INDEX ix_browser_checks_monitor_time ON browser_checks (account_id, monitor_id, checked_at DESC, id);

-- Kept after their monitor is deleted: a cancelled item is the record of the credit granted.
CREATE TABLE browser_billing_items (
    id           VARCHAR(64)   NOT NULL,
    account_id   VARCHAR(64)   NOT NULL,
    monitor_id   VARCHAR(64)   NOT NULL,
    price        DECIMAL(12,2) NOT NULL,
    currency     VARCHAR(8)    NOT NULL,
    period_days  INTEGER       NOT NULL,
    starts_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    cancelled_at TIMESTAMP(6) WITH TIME ZONE,
    credit       DECIMAL(12,2),
    CONSTRAINT pk_browser_billing_items PRIMARY KEY (id),
    CONSTRAINT fk_browser_billing_items_account FOREIGN KEY (account_id) REFERENCES accounts (id)
);

CREATE INDEX ix_browser_billing_items_account ON browser_billing_items (account_id, starts_at, id);

-- Enori MCP schema, version 1. Portable between H2 2.x and PostgreSQL: plain types, no vendor syntax.
-- Instants are TIMESTAMP(6) WITH TIME ZONE and always written at UTC; lists are comma-separated VARCHAR.

CREATE TABLE accounts (
    id                      VARCHAR(64)  NOT NULL,
    name                    VARCHAR(200) NOT NULL,
    plan_name               VARCHAR(100) NOT NULL,
    max_monitors            INTEGER      NOT NULL,
    max_status_pages        INTEGER      NOT NULL,
    max_maintenance_windows INTEGER      NOT NULL,
    free_browser_slots      INTEGER      NOT NULL,
    created_at              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_accounts PRIMARY KEY (id),
    CONSTRAINT uq_accounts_name UNIQUE (name)
);

CREATE TABLE api_keys (
    id          VARCHAR(64)  NOT NULL,
    account_id  VARCHAR(64)  NOT NULL,
    name        VARCHAR(200),
    prefix      VARCHAR(64),
    secret_hash VARCHAR(256) NOT NULL,
    scopes      VARCHAR(500) NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT pk_api_keys PRIMARY KEY (id),
    CONSTRAINT uq_api_keys_secret_hash UNIQUE (secret_hash),
    CONSTRAINT fk_api_keys_account FOREIGN KEY (account_id) REFERENCES accounts (id)
);

CREATE INDEX ix_api_keys_account ON api_keys (account_id, created_at, id);

-- Target columns are shared by the monitor types; which ones are set depends on type.
CREATE TABLE monitors (
    id                    VARCHAR(64)   NOT NULL,
    account_id            VARCHAR(64)   NOT NULL,
    name                  VARCHAR(500)  NOT NULL,
    type                  VARCHAR(16)   NOT NULL,
    url                   VARCHAR(2048),
    keyword               VARCHAR(1000),
    expected_status_codes VARCHAR(500),
    host                  VARCHAR(255),
    port                  INTEGER,
    record_type           VARCHAR(16),
    expected_value        VARCHAR(1000),
    grace_seconds         INTEGER,
    interval_seconds      INTEGER       NOT NULL,
    timeout_ms            INTEGER       NOT NULL,
    alert_after_failures  INTEGER       NOT NULL,
    channel_ids           VARCHAR(2000),
    paused                BOOLEAN       NOT NULL,
    status                VARCHAR(16)   NOT NULL,
    consecutive_failures  INTEGER       NOT NULL,
    last_checked_at       TIMESTAMP(6) WITH TIME ZONE,
    last_response_time_ms INTEGER,
    last_success_at       TIMESTAMP(6) WITH TIME ZONE,
    ssl_expires_at        TIMESTAMP(6) WITH TIME ZONE,
    created_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_monitors PRIMARY KEY (id),
    -- Lets children reference (account_id, monitor_id), so a row can never point at another account's
    -- monitor; its index also serves every account-scoped monitor query.
    CONSTRAINT uq_monitors_account_id UNIQUE (account_id, id),
    CONSTRAINT fk_monitors_account FOREIGN KEY (account_id) REFERENCES accounts (id)
);

CREATE TABLE check_results (
    id               VARCHAR(64)   NOT NULL,
    account_id       VARCHAR(64)   NOT NULL,
    monitor_id       VARCHAR(64)   NOT NULL,
    status           VARCHAR(8)    NOT NULL,
    response_time_ms INTEGER,
    status_code      INTEGER,
    error            VARCHAR(4000),
    content_matched  BOOLEAN,
    ssl_expires_at   TIMESTAMP(6) WITH TIME ZONE,
    checked_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_check_results PRIMARY KEY (id),
    CONSTRAINT fk_check_results_monitor FOREIGN KEY (account_id, monitor_id)
        REFERENCES monitors (account_id, id) ON DELETE CASCADE
);

CREATE INDEX ix_check_results_monitor_time ON check_results (account_id, monitor_id, checked_at DESC, id);

CREATE TABLE snoozes (
    account_id    VARCHAR(64) NOT NULL,
    monitor_id    VARCHAR(64) NOT NULL,
    principal_id  VARCHAR(64) NOT NULL,
    snoozed_until TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_snoozes PRIMARY KEY (account_id, monitor_id, principal_id),
    CONSTRAINT fk_snoozes_monitor FOREIGN KEY (account_id, monitor_id)
        REFERENCES monitors (account_id, id) ON DELETE CASCADE
);

CREATE TABLE share_links (
    id         VARCHAR(64)  NOT NULL,
    account_id VARCHAR(64)  NOT NULL,
    monitor_id VARCHAR(64)  NOT NULL,
    token_hash VARCHAR(256) NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT pk_share_links PRIMARY KEY (id),
    CONSTRAINT uq_share_links_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_share_links_monitor FOREIGN KEY (account_id, monitor_id)
        REFERENCES monitors (account_id, id) ON DELETE CASCADE
);

CREATE INDEX ix_share_links_monitor ON share_links (account_id, monitor_id, created_at);

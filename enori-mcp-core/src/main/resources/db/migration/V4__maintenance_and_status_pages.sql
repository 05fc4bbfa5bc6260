-- Enori MCP schema, version 4: maintenance windows and status pages. Same portability rules as version 1.

-- A window is [starts_at, ends_at). all_monitors is true when it names no monitors (it then covers every
-- monitor of the account, also ones created later); otherwise its monitors are rows of
-- maintenance_window_monitors.
CREATE TABLE maintenance_windows (
    id           VARCHAR(64)  NOT NULL,
    account_id   VARCHAR(64)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    starts_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    ends_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    all_monitors BOOLEAN      NOT NULL,
    created_by   VARCHAR(200) NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_maintenance_windows PRIMARY KEY (id),
    CONSTRAINT uq_maintenance_windows_account_id UNIQUE (account_id, id),
    CONSTRAINT ck_maintenance_windows_order CHECK (ends_at > starts_at),
    CONSTRAINT fk_maintenance_windows_account FOREIGN KEY (account_id) REFERENCES accounts (id)
);

-- Listings, newest start first.
CREATE INDEX ix_maintenance_windows_account_start ON maintenance_windows (account_id, starts_at DESC, id);

-- "Which windows are not over yet at t": the plan cap's count, active windows and the covering query all
-- range-scan this, so completed windows (the ones that pile up) are never read.
CREATE INDEX ix_maintenance_windows_account_end ON maintenance_windows (account_id, ends_at, starts_at);

-- The composite keys keep a window from naming another account's monitor; deleting a monitor drops its rows.
CREATE TABLE maintenance_window_monitors (
    account_id VARCHAR(64) NOT NULL,
    window_id  VARCHAR(64) NOT NULL,
    monitor_id VARCHAR(64) NOT NULL,
    seq        INTEGER     NOT NULL,
    CONSTRAINT pk_maintenance_window_monitors PRIMARY KEY (window_id, monitor_id),
    CONSTRAINT fk_mwm_window FOREIGN KEY (account_id, window_id)
        REFERENCES maintenance_windows (account_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_mwm_monitor FOREIGN KEY (account_id, monitor_id)
        REFERENCES monitors (account_id, id) ON DELETE CASCADE
);

-- Serves the covering query's per-monitor probe and the cascade when a monitor is deleted.
CREATE INDEX ix_mwm_monitor ON maintenance_window_monitors (account_id, monitor_id, window_id);

CREATE TABLE status_pages (
    id         VARCHAR(64)  NOT NULL,
    account_id VARCHAR(64)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    slug       VARCHAR(64),
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_status_pages PRIMARY KEY (id),
    CONSTRAINT uq_status_pages_account_id UNIQUE (account_id, id),
    -- Slugs are public addresses, so unique across accounts; NULLs never collide.
    CONSTRAINT uq_status_pages_slug UNIQUE (slug),
    CONSTRAINT fk_status_pages_account FOREIGN KEY (account_id) REFERENCES accounts (id)
);

CREATE TABLE status_page_components (
    account_id     VARCHAR(64)  NOT NULL,
    status_page_id VARCHAR(64)  NOT NULL,
    seq            INTEGER      NOT NULL,
    name           VARCHAR(200) NOT NULL,
    monitor_id     VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_status_page_components PRIMARY KEY (status_page_id, seq),
    CONSTRAINT fk_spc_page FOREIGN KEY (account_id, status_page_id)
        REFERENCES status_pages (account_id, id) ON DELETE CASCADE,
    CONSTRAINT fk_spc_monitor FOREIGN KEY (account_id, monitor_id)
        REFERENCES monitors (account_id, id) ON DELETE CASCADE
);

CREATE INDEX ix_spc_monitor ON status_page_components (account_id, monitor_id);

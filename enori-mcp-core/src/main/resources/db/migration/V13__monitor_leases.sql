-- Enori MCP schema, version 13: claims of scheduled check runs, so that nodes sharing one database run each due
-- check once (io.enori.mcp.core.checks.JdbiRunClaims). One row per monitor and grid point: the node whose insert
-- wins runs it. A row is contested only until its due time plus the interval (lease_until); rows are purged by
-- lease_until soon after. No foreign key: a deleted monitor's rows simply age out. Same portability rules as
-- version 1.
CREATE TABLE monitor_leases (
    monitor_id  VARCHAR(64)  NOT NULL,
    due_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    node_id     VARCHAR(100) NOT NULL,
    lease_until TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_monitor_leases PRIMARY KEY (monitor_id, due_at)
);

CREATE INDEX ix_monitor_leases_until ON monitor_leases (lease_until);

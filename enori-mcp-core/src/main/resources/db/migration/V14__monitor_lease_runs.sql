-- Enori MCP schema, version 14: a claimed run now holds its monitor until it ends, so a slow check on one node
-- never overlaps the next grid point's run on another (io.enori.mcp.core.checks.JdbiRunClaims).
--
-- monitor_leases keeps one row per monitor instead of one per grid point: the latest grid point claimed, the
-- node running it, until when it may run (running_until: due time + check timeout + the scheduler's hang margin)
-- and when it ended (finished_at, NULL while running). A claim of a later grid point replaces the row only if the
-- run it holds has finished or its running_until has passed; with the whole state of a monitor in one row, that
-- decision is one atomic statement on a locked row, so two nodes can neither win one grid point nor two
-- overlapping ones.
--
-- Rolling upgrade: nodes still on version 13 insert one row per grid point, which the new key refuses; they claim
-- nothing (and log it) until they are upgraded, while upgraded nodes run everything. Never two runs at once.
-- Same portability rules as version 1.

-- Only each monitor's latest grid point matters from now on.
DELETE FROM monitor_leases
    WHERE due_at < (SELECT MAX(m.due_at) FROM monitor_leases m WHERE m.monitor_id = monitor_leases.monitor_id);

ALTER TABLE monitor_leases DROP CONSTRAINT pk_monitor_leases;
ALTER TABLE monitor_leases ADD CONSTRAINT pk_monitor_leases PRIMARY KEY (monitor_id);

ALTER TABLE monitor_leases ADD COLUMN running_until TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE monitor_leases ADD COLUMN finished_at TIMESTAMP(6) WITH TIME ZONE;
-- Version 13 recorded no ends: its claims block no later grid point.
UPDATE monitor_leases SET running_until = due_at;
ALTER TABLE monitor_leases ALTER COLUMN running_until SET NOT NULL;

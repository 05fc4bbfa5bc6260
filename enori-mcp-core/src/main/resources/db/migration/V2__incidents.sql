-- Enori MCP schema, version 2: incidents and their timelines. Same portability rules as version 1.

-- active_monitor_id is monitor_id while the incident is open or acknowledged and NULL once resolved. Its unique
-- constraint allows one active incident per monitor on H2 and PostgreSQL alike (NULLs never collide in either),
-- where a partial unique index would be PostgreSQL-only.
CREATE TABLE incidents (
    id                VARCHAR(64)   NOT NULL,
    account_id        VARCHAR(64)   NOT NULL,
    monitor_id        VARCHAR(64)   NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    cause             VARCHAR(4000) NOT NULL,
    started_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    acknowledged_at   TIMESTAMP(6) WITH TIME ZONE,
    acknowledged_by   VARCHAR(200),
    resolved_at       TIMESTAMP(6) WITH TIME ZONE,
    resolved_by       VARCHAR(200),
    resolution_note   VARCHAR(4000),
    updated_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    active_monitor_id VARCHAR(64),
    CONSTRAINT pk_incidents PRIMARY KEY (id),
    -- Lets events reference (account_id, incident_id), so an event can never hang off another account's incident.
    CONSTRAINT uq_incidents_account_id UNIQUE (account_id, id),
    CONSTRAINT uq_incidents_active_monitor UNIQUE (account_id, active_monitor_id),
    CONSTRAINT ck_incidents_active_monitor CHECK (active_monitor_id IS NULL OR active_monitor_id = monitor_id),
    CONSTRAINT fk_incidents_monitor FOREIGN KEY (account_id, monitor_id)
        REFERENCES monitors (account_id, id) ON DELETE CASCADE
);

CREATE INDEX ix_incidents_account_started ON incidents (account_id, started_at DESC, id);

-- Serves listings narrowed to one monitor and the cascade when a monitor is deleted.
CREATE INDEX ix_incidents_monitor_started ON incidents (account_id, monitor_id, started_at DESC, id);

CREATE TABLE incident_events (
    id          VARCHAR(64)   NOT NULL,
    account_id  VARCHAR(64)   NOT NULL,
    incident_id VARCHAR(64)   NOT NULL,
    kind        VARCHAR(16)   NOT NULL,
    message     VARCHAR(4000) NOT NULL,
    author      VARCHAR(200)  NOT NULL,
    occurred_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_incident_events PRIMARY KEY (id),
    CONSTRAINT fk_incident_events_incident FOREIGN KEY (account_id, incident_id)
        REFERENCES incidents (account_id, id) ON DELETE CASCADE
);

CREATE INDEX ix_incident_events_timeline ON incident_events (incident_id, occurred_at, id);

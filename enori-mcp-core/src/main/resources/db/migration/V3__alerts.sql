-- Enori MCP schema, version 3: alert channels, alerts and Live Activity tokens. Same portability rules as
-- version 1.

-- target is an email address or a webhook URL (a secret: listings mask it). owner_principal_id is the key or
-- grant whose notifications the channel carries (its snooze silences the channel); NULL for a shared channel.
CREATE TABLE alert_channels (
    id                 VARCHAR(64)   NOT NULL,
    account_id         VARCHAR(64)   NOT NULL,
    type               VARCHAR(16)   NOT NULL,
    name               VARCHAR(200)  NOT NULL,
    target             VARCHAR(2048) NOT NULL,
    owner_principal_id VARCHAR(200),
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_alert_channels PRIMARY KEY (id),
    CONSTRAINT uq_alert_channels_account_id UNIQUE (account_id, id),
    CONSTRAINT fk_alert_channels_account FOREIGN KEY (account_id) REFERENCES accounts (id)
);

-- One row per incident change per channel, written before any delivery. channel_id has no foreign key on
-- purpose: the history outlives a deleted channel (channel_type keeps what it was). claimed_by and
-- claim_expires_at are the delivery lease: a pending alert is delivered by whoever holds an unexpired claim.
CREATE TABLE alerts (
    id               VARCHAR(64)   NOT NULL,
    account_id       VARCHAR(64)   NOT NULL,
    monitor_id       VARCHAR(64)   NOT NULL,
    incident_id      VARCHAR(64)   NOT NULL,
    channel_id       VARCHAR(64)   NOT NULL,
    channel_type     VARCHAR(16)   NOT NULL,
    event            VARCHAR(32)   NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    reason           VARCHAR(1000),
    attempts         INTEGER       NOT NULL,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    delivered_at     TIMESTAMP(6) WITH TIME ZONE,
    claimed_by       VARCHAR(64),
    claim_expires_at TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT pk_alerts PRIMARY KEY (id),
    CONSTRAINT fk_alerts_incident FOREIGN KEY (account_id, incident_id)
        REFERENCES incidents (account_id, id) ON DELETE CASCADE
);

CREATE INDEX ix_alerts_account_created ON alerts (account_id, created_at DESC, id);
CREATE INDEX ix_alerts_monitor_created ON alerts (account_id, monitor_id, created_at DESC, id);
-- Serves the scan for pending alerts after a restart.
CREATE INDEX ix_alerts_status_created ON alerts (status, created_at, id);

CREATE TABLE live_activity_tokens (
    account_id   VARCHAR(64)  NOT NULL,
    incident_id  VARCHAR(64)  NOT NULL,
    token        VARCHAR(512) NOT NULL,
    platform     VARCHAR(16)  NOT NULL,
    label        VARCHAR(100),
    principal_id VARCHAR(200) NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_live_activity_tokens PRIMARY KEY (account_id, incident_id, token),
    CONSTRAINT fk_live_activity_tokens_incident FOREIGN KEY (account_id, incident_id)
        REFERENCES incidents (account_id, id) ON DELETE CASCADE
);

-- Every push handed to the push notifier, and whether it took it.
CREATE TABLE live_activity_pushes (
    id          VARCHAR(64)  NOT NULL,
    account_id  VARCHAR(64)  NOT NULL,
    incident_id VARCHAR(64)  NOT NULL,
    token       VARCHAR(512) NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    delivered   BOOLEAN      NOT NULL,
    error       VARCHAR(1000),
    pushed_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_live_activity_pushes PRIMARY KEY (id),
    CONSTRAINT fk_live_activity_pushes_incident FOREIGN KEY (account_id, incident_id)
        REFERENCES incidents (account_id, id) ON DELETE CASCADE
);

CREATE INDEX ix_live_activity_pushes_incident ON live_activity_pushes (account_id, incident_id, pushed_at, id);

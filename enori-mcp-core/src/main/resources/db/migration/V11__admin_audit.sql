-- Enori MCP schema, version 11: the admin flavor's audit log (every admin tool call: who, which tool, arguments
-- with secrets masked, when) and its settings (the SHA-256 of the admin key). Same portability rules as version 1.
CREATE TABLE admin_audit_log (
    id           VARCHAR(64)   NOT NULL,
    principal_id VARCHAR(200),
    account_id   VARCHAR(64),
    tool         VARCHAR(64)   NOT NULL,
    arguments    VARCHAR(8000) NOT NULL,
    outcome      VARCHAR(16)   NOT NULL,
    called_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_admin_audit_log PRIMARY KEY (id)
);

CREATE INDEX ix_admin_audit_log_time ON admin_audit_log (called_at, id);

CREATE TABLE admin_settings (
    setting_name  VARCHAR(64)  NOT NULL,
    setting_value VARCHAR(512) NOT NULL,
    CONSTRAINT pk_admin_settings PRIMARY KEY (setting_name)
);

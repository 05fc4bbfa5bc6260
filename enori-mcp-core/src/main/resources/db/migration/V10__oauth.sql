-- The built-in OAuth 2.1 authorization server: registered clients, login users, grants, codes and tokens.
-- Codes and tokens are stored only as SHA-256 hashes; passwords only as PBKDF2 hashes.

CREATE TABLE oauth_clients (
    client_id     VARCHAR(64)   NOT NULL,
    client_name   VARCHAR(200),
    redirect_uris VARCHAR(20000) NOT NULL,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_oauth_clients PRIMARY KEY (client_id)
);

CREATE TABLE users (
    id                  VARCHAR(64)  NOT NULL,
    account_id          VARCHAR(64)  NOT NULL,
    email               VARCHAR(320) NOT NULL,
    password_hash       VARCHAR(256) NOT NULL,
    created_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    password_changed_at TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT pk_users PRIMARY KEY (id),
    CONSTRAINT uq_users_email UNIQUE (email),
    CONSTRAINT fk_users_account FOREIGN KEY (account_id) REFERENCES accounts (id)
);

CREATE INDEX ix_users_account ON users (account_id, created_at, id);

-- client_id is not a foreign key: clients named by a metadata document URL are not stored.
CREATE TABLE oauth_grants (
    id         VARCHAR(64)   NOT NULL,
    account_id VARCHAR(64)   NOT NULL,
    user_id    VARCHAR(64),
    client_id  VARCHAR(2048) NOT NULL,
    resource   VARCHAR(2048) NOT NULL,
    scope      VARCHAR(1000),
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT pk_oauth_grants PRIMARY KEY (id),
    CONSTRAINT fk_oauth_grants_account FOREIGN KEY (account_id) REFERENCES accounts (id)
);

CREATE TABLE oauth_codes (
    code_hash      VARCHAR(128)  NOT NULL,
    grant_id       VARCHAR(64)   NOT NULL,
    client_id      VARCHAR(2048) NOT NULL,
    redirect_uri   VARCHAR(2048) NOT NULL,
    code_challenge VARCHAR(128)  NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    used_at        TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT pk_oauth_codes PRIMARY KEY (code_hash),
    CONSTRAINT fk_oauth_codes_grant FOREIGN KEY (grant_id) REFERENCES oauth_grants (id) ON DELETE CASCADE
);

CREATE TABLE oauth_tokens (
    token_hash VARCHAR(128) NOT NULL,
    grant_id   VARCHAR(64)  NOT NULL,
    kind       VARCHAR(16)  NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT pk_oauth_tokens PRIMARY KEY (token_hash),
    CONSTRAINT fk_oauth_tokens_grant FOREIGN KEY (grant_id) REFERENCES oauth_grants (id) ON DELETE CASCADE
);

CREATE INDEX ix_oauth_tokens_expiry ON oauth_tokens (expires_at);
CREATE INDEX ix_oauth_codes_expiry ON oauth_codes (expires_at);

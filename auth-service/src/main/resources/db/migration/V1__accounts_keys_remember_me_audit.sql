-- shop_auth: accounts, the RSA login keys, remember-me tokens and the login audit.
-- Portable MySQL DDL (H2 in MySQL mode, MariaDB 10.11+); times are UTC.

CREATE TABLE users (
    id                     BIGINT       NOT NULL AUTO_INCREMENT,
    -- as typed at signup (shown back); NULL once withdrawn
    email                  VARCHAR(254) NULL,
    -- trimmed, NFC, lower case: the unique key that makes emails unique case-insensitively
    email_normalized       VARCHAR(254) NULL,
    name                   VARCHAR(50)  NULL,
    -- digits only, e.g. 01023456789
    phone                  VARCHAR(11)  NULL,
    -- {argon2@SpringSecurity_v5_8}… (delegating encoder); never leaves this table
    password_hash          VARCHAR(255) NULL,
    role                   VARCHAR(16)  NOT NULL,
    locale                 VARCHAR(8)   NOT NULL,
    status                 VARCHAR(16)  NOT NULL,
    marketing_consent      BOOLEAN      NOT NULL,
    age14_confirmed_at     DATETIME(6)  NULL,
    terms_agreed_at        DATETIME(6)  NULL,
    privacy_agreed_at      DATETIME(6)  NULL,
    marketing_consented_at DATETIME(6)  NULL,
    password_changed_at    DATETIME(6)  NULL,
    created_at             DATETIME(6)  NOT NULL,
    updated_at             DATETIME(6)  NOT NULL,
    withdrawn_at           DATETIME(6)  NULL,
    version                BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_users_email UNIQUE (email_normalized),
    CONSTRAINT uk_users_phone UNIQUE (phone)
) ENGINE = InnoDB;

CREATE INDEX ix_users_created ON users (created_at);

-- RSA-OAEP-256 key pairs for encrypted credentials, shared by every instance. One key per rotation
-- period: the unique not_before lets exactly one instance create it.
CREATE TABLE login_key (
    id          VARCHAR(36)   NOT NULL,
    not_before  DATETIME(6)   NOT NULL,
    expires_at  DATETIME(6)   NOT NULL,
    public_key  VARCHAR(1024) NOT NULL,
    -- PKCS#8, base64; AES-256-GCM-wrapped (iv || ciphertext) when wrapped = TRUE
    private_key VARCHAR(4096) NOT NULL,
    wrapped     BOOLEAN       NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_login_key_not_before UNIQUE (not_before)
) ENGINE = InnoDB;

-- Remember-me: the series is the lookup key, only a SHA-256 of the token is stored.
CREATE TABLE remember_me_token (
    series              VARCHAR(43)  NOT NULL,
    user_id             BIGINT       NOT NULL,
    token_hash          VARCHAR(64)  NOT NULL,
    -- the token this one replaced, to tell a racing tab (within the grace) from a stolen cookie
    previous_token_hash VARCHAR(64)  NULL,
    rotated_at          DATETIME(6)  NULL,
    created_at          DATETIME(6)  NOT NULL,
    last_used_at        DATETIME(6)  NOT NULL,
    expires_at          DATETIME(6)  NOT NULL,
    user_agent          VARCHAR(255) NULL,
    PRIMARY KEY (series),
    CONSTRAINT fk_remember_me_token_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE = InnoDB;

CREATE INDEX ix_remember_me_token_user ON remember_me_token (user_id);
CREATE INDEX ix_remember_me_token_expires ON remember_me_token (expires_at);

-- Every login attempt, kept for shop.auth.login.audit-retention (default one year).
CREATE TABLE login_attempt (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at DATETIME(6)  NOT NULL,
    outcome     VARCHAR(32)  NOT NULL,
    user_id     BIGINT       NULL,
    -- the normalized email that was tried (also for unknown accounts); NULL once withdrawn
    email       VARCHAR(254) NULL,
    client_ip   VARCHAR(45)  NULL,
    user_agent  VARCHAR(255) NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;

CREATE INDEX ix_login_attempt_occurred ON login_attempt (occurred_at);
CREATE INDEX ix_login_attempt_user ON login_attempt (user_id, occurred_at);

-- notification-worker (schema shop_notification). Portable MySQL DDL: runs on H2 (MySQL mode) and
-- MariaDB. The shared tables (EVENT_PUBLICATION, processed_event, shedlock) come from support.

-- The contact replica: what the worker keeps of a person to reach them, from UserRegistered and
-- UserUpdated. UserWithdrawn erases every personal column and leaves a tombstone (withdrawn_at),
-- so later events about that user are skipped instead of waiting for a contact that never comes.
CREATE TABLE contact
(
    user_id           BIGINT       NOT NULL,
    email             VARCHAR(320) NULL,
    phone             VARCHAR(32)  NULL,
    name              VARCHAR(100) NULL,
    locale            VARCHAR(8)   NOT NULL,
    marketing_consent BOOLEAN      NOT NULL,
    aggregate_version BIGINT       NOT NULL,
    withdrawn_at      DATETIME(6)  NULL,
    updated_at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (user_id)
) ENGINE = InnoDB;

-- The sent log: one row per event and channel, claimed in its own transaction right before the
-- message is handed to SMTP / the SMS provider and committed right after, so a redelivered or
-- replayed event finds its row and sends nothing new (a mail and an SMS of one event are two rows).
-- recipient is masked; UserWithdrawn clears it and the user id.
CREATE TABLE sent_notification
(
    event_id   VARCHAR(36)  NOT NULL,
    channel    VARCHAR(10)  NOT NULL,
    event_type VARCHAR(100) NOT NULL,
    user_id    BIGINT       NULL,
    recipient  VARCHAR(100) NULL,
    sent_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (event_id, channel)
) ENGINE = InnoDB;

CREATE INDEX sent_notification_by_sent_at ON sent_notification (sent_at);
CREATE INDEX sent_notification_by_user ON sent_notification (user_id);

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

-- Dead letters staff replayed: a record on a dead-letter topic is replayed at most once (the
-- primary key refuses a second, concurrent or later, replay of the same record).
CREATE TABLE dead_letter_replay
(
    dead_letter_topic     VARCHAR(200) NOT NULL,
    dead_letter_partition INT          NOT NULL,
    dead_letter_offset    BIGINT       NOT NULL,
    event_id              VARCHAR(36)  NULL,
    replayed_by           BIGINT       NOT NULL,
    replayed_at           DATETIME(6)  NOT NULL,
    PRIMARY KEY (dead_letter_topic, dead_letter_partition, dead_letter_offset)
) ENGINE = InnoDB;

CREATE INDEX dead_letter_replay_by_replayed_at ON dead_letter_replay (replayed_at);

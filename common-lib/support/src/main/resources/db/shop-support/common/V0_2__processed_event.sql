-- The idempotent-consumer inbox: an event id is recorded in the same transaction as its effect,
-- so a redelivered event finds its id here and changes nothing.
CREATE TABLE processed_event
(
    event_id       VARCHAR(36)  NOT NULL,
    consumer_group VARCHAR(100) NOT NULL,
    event_type     VARCHAR(100) NOT NULL,
    processed_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (event_id, consumer_group)
) ENGINE = InnoDB;

CREATE INDEX processed_event_by_processed_at ON processed_event (processed_at);

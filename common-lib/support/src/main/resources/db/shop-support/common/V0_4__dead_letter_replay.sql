-- Dead letters staff replayed (support's dead-letter API): a record on a dead-letter topic is
-- replayed at most once (the primary key refuses a second, concurrent or later, replay of it).
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

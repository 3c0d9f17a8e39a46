-- First-come-first-served events and their durable winners (schema shop_event).
-- Times are UTC (DATETIME(6)); portable MySQL DDL that also runs on H2 in MySQL mode and MariaDB.
CREATE TABLE fcfs_event
(
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    title        VARCHAR(200)  NOT NULL,
    description  VARCHAR(2000) NOT NULL,
    prize_points BIGINT        NOT NULL,
    quantity     INT           NOT NULL,
    opens_at     DATETIME(6)   NOT NULL,
    closes_at    DATETIME(6)   NOT NULL,
    closed_at    DATETIME(6)   NULL,
    created_at   DATETIME(6)   NOT NULL,
    updated_at   DATETIME(6)   NOT NULL,
    version      BIGINT        NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;

CREATE INDEX fcfs_event_by_window ON fcfs_event (closes_at, opens_at);

-- One row per winner: the primary key (event, user) makes a replayed stream entry a no-op.
CREATE TABLE event_winner
(
    event_id     BIGINT      NOT NULL,
    user_id      BIGINT      NOT NULL,
    prize_rank   INT         NOT NULL,
    won_at       DATETIME(6) NOT NULL,
    persisted_at DATETIME(6) NOT NULL,
    stream_id    VARCHAR(41) NOT NULL,
    PRIMARY KEY (event_id, user_id),
    CONSTRAINT event_winner_event FOREIGN KEY (event_id) REFERENCES fcfs_event (id)
) ENGINE = InnoDB;

CREATE INDEX event_winner_by_rank ON event_winner (event_id, prize_rank);

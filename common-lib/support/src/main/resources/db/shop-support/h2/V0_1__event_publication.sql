-- The transactional outbox: Spring Modulith's JDBC event publication registry (schema v2), H2 form
-- (Flyway location classpath:db/shop-support/{vendor}). Modulith reads the id of an H2 registry as
-- a UUID value, so the column is UUID here and VARCHAR(36) in the MySQL/MariaDB form.
CREATE TABLE EVENT_PUBLICATION
(
    ID                     UUID          NOT NULL,
    LISTENER_ID            VARCHAR(512)  NOT NULL,
    EVENT_TYPE             VARCHAR(512)  NOT NULL,
    SERIALIZED_EVENT       VARCHAR(4000) NOT NULL,
    PUBLICATION_DATE       TIMESTAMP(6)  NOT NULL,
    COMPLETION_DATE        TIMESTAMP(6)  NULL DEFAULT NULL,
    STATUS                 VARCHAR(20),
    COMPLETION_ATTEMPTS    INT,
    LAST_RESUBMISSION_DATE TIMESTAMP(6)  NULL DEFAULT NULL,
    PRIMARY KEY (ID)
);

CREATE INDEX EVENT_PUBLICATION_BY_COMPLETION_DATE_IDX ON EVENT_PUBLICATION (COMPLETION_DATE);

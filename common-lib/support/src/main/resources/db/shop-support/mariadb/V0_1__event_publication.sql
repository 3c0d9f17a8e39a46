-- The transactional outbox: Spring Modulith's JDBC event publication registry (schema v2).
-- MariaDB form (Flyway location classpath:db/shop-support/{vendor}; Boot names MySQL and MariaDB
-- apart, so the same DDL stands in mysql/ and mariadb/). The id is VARCHAR(36) because MySQL 8 has
-- no UUID type and the registry reads it as text there; the table name is upper case because that
-- is what the registry's SQL names (case matters on MariaDB/Linux).
CREATE TABLE EVENT_PUBLICATION
(
    ID                     VARCHAR(36)   NOT NULL,
    LISTENER_ID            VARCHAR(512)  NOT NULL,
    EVENT_TYPE             VARCHAR(512)  NOT NULL,
    SERIALIZED_EVENT       VARCHAR(4000) NOT NULL,
    PUBLICATION_DATE       TIMESTAMP(6)  NOT NULL,
    COMPLETION_DATE        TIMESTAMP(6)  NULL DEFAULT NULL,
    STATUS                 VARCHAR(20),
    COMPLETION_ATTEMPTS    INT,
    LAST_RESUBMISSION_DATE TIMESTAMP(6)  NULL DEFAULT NULL,
    PRIMARY KEY (ID)
) ENGINE = InnoDB;

CREATE INDEX EVENT_PUBLICATION_BY_COMPLETION_DATE_IDX ON EVENT_PUBLICATION (COMPLETION_DATE);

CREATE TABLE probe_effect
(
    id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    order_id BIGINT NOT NULL
) ENGINE = InnoDB;

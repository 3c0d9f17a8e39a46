-- order-service (schema shop_orders): product replica, orders, points wallet, idempotency keys.
-- Portable MySQL DDL: runs on H2 (MODE=MySQL) and MariaDB 10.11+. Times are UTC.

-- What the service knows of the catalog, kept from the compacted topic shop.catalog.product.
-- A deleted product stays as a row (deleted = TRUE) so a late, older event cannot revive it.
CREATE TABLE product_replica
(
    product_id        BIGINT       NOT NULL,
    name              VARCHAR(300) NOT NULL,
    brand             VARCHAR(100) NULL,
    category_id       BIGINT       NOT NULL,
    price             BIGINT       NOT NULL,
    discount_rate     INT          NOT NULL,
    sale_price        BIGINT       NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    title_image       VARCHAR(500) NULL,
    deleted           BOOLEAN      NOT NULL,
    aggregate_version BIGINT       NOT NULL,
    occurred_at       DATETIME(6)  NOT NULL,
    source_partition  INT          NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (product_id)
) ENGINE = InnoDB;

CREATE INDEX product_replica_by_partition ON product_replica (source_partition);

CREATE TABLE orders
(
    id                    BIGINT       NOT NULL AUTO_INCREMENT,
    order_number          VARCHAR(20)  NOT NULL,
    user_id               BIGINT       NOT NULL,
    status                VARCHAR(20)  NOT NULL,
    payment_method        VARCHAR(20)  NOT NULL,
    goods_total           BIGINT       NOT NULL,
    shipping_fee          BIGINT       NOT NULL,
    points_used           BIGINT       NOT NULL,
    payment_amount        BIGINT       NOT NULL,
    recipient_name        VARCHAR(50)  NULL,
    phone                 VARCHAR(20)  NULL,
    zip_code              VARCHAR(10)  NULL,
    address1              VARCHAR(200) NULL,
    address2              VARCHAR(200) NULL,
    delivery_request      VARCHAR(200) NULL,
    points_status         VARCHAR(20)  NOT NULL,
    payment_status        VARCHAR(20)  NOT NULL,
    payment_deadline      DATETIME(6)  NULL,
    payment_attempts      INT          NOT NULL,
    payment_attempt_at    DATETIME(6)  NULL,
    payment_reference     VARCHAR(100) NULL,
    stock_reserved        BOOLEAN      NOT NULL,
    stock_release_sent    BOOLEAN      NOT NULL,
    stock_requests        INT          NOT NULL,
    last_stock_request_at DATETIME(6)  NOT NULL,
    reject_reason         VARCHAR(40)  NULL,
    cancel_reason         VARCHAR(40)  NULL,
    carrier               VARCHAR(50)  NULL,
    tracking_number       VARCHAR(50)  NULL,
    placed_at             DATETIME(6)  NOT NULL,
    confirmed_at          DATETIME(6)  NULL,
    paid_at               DATETIME(6)  NULL,
    shipped_at            DATETIME(6)  NULL,
    delivered_at          DATETIME(6)  NULL,
    cancelled_at          DATETIME(6)  NULL,
    rejected_at           DATETIME(6)  NULL,
    refunded_at           DATETIME(6)  NULL,
    anonymize_when_closed BOOLEAN      NOT NULL,
    anonymized_at         DATETIME(6)  NULL,
    revision              INT          NOT NULL,
    version               BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_orders_order_number UNIQUE (order_number)
) ENGINE = InnoDB;

CREATE INDEX orders_by_user ON orders (user_id, id);
CREATE INDEX orders_by_status ON orders (status, placed_at);
CREATE INDEX orders_by_placed_at ON orders (placed_at);

CREATE TABLE order_item
(
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    order_id           BIGINT       NOT NULL,
    product_id         BIGINT       NOT NULL,
    product_name       VARCHAR(300) NOT NULL,
    title_image        VARCHAR(500) NULL,
    unit_sale_price    BIGINT       NOT NULL,
    quantity           INT          NOT NULL,
    line_total         BIGINT       NOT NULL,
    short_of_stock     BOOLEAN      NOT NULL,
    available_quantity INT          NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_order_item_order FOREIGN KEY (order_id) REFERENCES orders (id)
) ENGINE = InnoDB;

CREATE INDEX order_item_by_order ON order_item (order_id);

-- The points wallet: one balance row per user (updated only by conditional UPDATEs, never below
-- zero) and an append-only ledger whose source_key makes every credit and order step idempotent.
CREATE TABLE point_wallet
(
    user_id    BIGINT      NOT NULL,
    balance    BIGINT      NOT NULL,
    held       BIGINT      NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id),
    CONSTRAINT ck_point_wallet_balance CHECK (balance >= 0),
    CONSTRAINT ck_point_wallet_held CHECK (held >= 0)
) ENGINE = InnoDB;

CREATE TABLE point_ledger
(
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    user_id       BIGINT       NOT NULL,
    entry_type    VARCHAR(20)  NOT NULL,
    amount        BIGINT       NOT NULL,
    held_change   BIGINT       NOT NULL,
    balance_after BIGINT       NOT NULL,
    source_key    VARCHAR(120) NOT NULL,
    order_id      BIGINT       NULL,
    description   VARCHAR(200) NULL,
    created_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_point_ledger_source_key UNIQUE (source_key)
) ENGINE = InnoDB;

CREATE INDEX point_ledger_by_user ON point_ledger (user_id, id);

-- Idempotency-Key of POST /api/orders (CONTRACTS §5): per user, kept 24 h.
CREATE TABLE idempotency_key
(
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    user_id         BIGINT        NOT NULL,
    idem_key        VARCHAR(100)  NOT NULL,
    request_hash    VARCHAR(64)   NOT NULL,
    state           VARCHAR(20)   NOT NULL,
    response_status INT           NULL,
    response_body   VARCHAR(2000) NULL,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_idempotency_key UNIQUE (user_id, idem_key)
) ENGINE = InnoDB;

CREATE INDEX idempotency_key_by_created_at ON idempotency_key (created_at);

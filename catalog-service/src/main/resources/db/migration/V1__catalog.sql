-- catalog-service schema (shop_catalog). Portable MySQL DDL: runs on MariaDB 10.11+ and on H2 in MySQL
-- mode. Stock counters, rating and popularity aggregates live on the product row and change only
-- through conditional/atomic UPDATE statements (see README "Stock" and "Search").

CREATE TABLE category
(
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    parent_id     BIGINT      NULL,
    name          VARCHAR(50) NOT NULL,
    display_order INT         NOT NULL,
    created_at    DATETIME(6) NOT NULL,
    updated_at    DATETIME(6) NOT NULL,
    version       BIGINT      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_category_parent FOREIGN KEY (parent_id) REFERENCES category (id)
) ENGINE = InnoDB;

CREATE INDEX ix_category_parent ON category (parent_id, display_order);

CREATE TABLE product
(
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    name            VARCHAR(100)  NOT NULL,
    brand           VARCHAR(50)   NOT NULL,
    category_id     BIGINT        NOT NULL,
    title_image     VARCHAR(500)  NOT NULL,
    description     VARCHAR(5000) NOT NULL,
    price           BIGINT        NOT NULL,
    discount_rate   INT           NOT NULL,
    sale_price      BIGINT        NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    listed          BOOLEAN       NOT NULL,
    deleted         BOOLEAN       NOT NULL,
    deleted_at      DATETIME(6)   NULL,
    stock_initial   INT           NOT NULL,
    stock_available INT           NOT NULL,
    stock_reserved  INT           NOT NULL,
    stock_sold      INT           NOT NULL,
    wishlist_count  INT           NOT NULL,
    popularity      BIGINT        NOT NULL,
    review_count    INT           NOT NULL,
    rating_sum      BIGINT        NOT NULL,
    rating_x100     INT           NOT NULL,
    search_text     VARCHAR(200)  NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    version         BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_product_category FOREIGN KEY (category_id) REFERENCES category (id),
    CONSTRAINT ck_product_stock CHECK (stock_available >= 0 AND stock_reserved >= 0 AND stock_sold >= 0),
    CONSTRAINT ck_product_discount CHECK (discount_rate BETWEEN 0 AND 90)
) ENGINE = InnoDB;

-- Public listings filter on listed (= not hidden, not deleted); each sort has its index, InnoDB appends
-- the primary key (the tie-breaker) to every secondary index.
CREATE INDEX ix_product_listed_newest ON product (listed, created_at);
CREATE INDEX ix_product_listed_price ON product (listed, sale_price);
CREATE INDEX ix_product_listed_rating ON product (listed, rating_x100);
CREATE INDEX ix_product_listed_popular ON product (listed, popularity);
CREATE INDEX ix_product_category ON product (category_id, listed, sale_price);

CREATE TABLE product_image
(
    product_id BIGINT       NOT NULL,
    position   INT          NOT NULL,
    url        VARCHAR(500) NOT NULL,
    PRIMARY KEY (product_id, position),
    CONSTRAINT fk_product_image_product FOREIGN KEY (product_id) REFERENCES product (id)
) ENGINE = InnoDB;

CREATE TABLE stock_reservation
(
    order_id   BIGINT      NOT NULL,
    user_id    BIGINT      NOT NULL,
    status     VARCHAR(20) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (order_id)
) ENGINE = InnoDB;

CREATE TABLE stock_reservation_line
(
    order_id   BIGINT NOT NULL,
    product_id BIGINT NOT NULL,
    quantity   INT    NOT NULL,
    PRIMARY KEY (order_id, product_id),
    CONSTRAINT fk_stock_reservation_line FOREIGN KEY (order_id) REFERENCES stock_reservation (order_id)
) ENGINE = InnoDB;

CREATE INDEX ix_stock_reservation_line_product ON stock_reservation_line (product_id);

CREATE TABLE stock_adjustment
(
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    product_id      BIGINT       NOT NULL,
    kind            VARCHAR(10)  NOT NULL,
    delta           INT          NOT NULL,
    available_before INT         NOT NULL,
    available_after INT          NOT NULL,
    reason          VARCHAR(200) NOT NULL,
    actor_id        BIGINT       NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_stock_adjustment_product FOREIGN KEY (product_id) REFERENCES product (id)
) ENGINE = InnoDB;

CREATE INDEX ix_stock_adjustment_product ON stock_adjustment (product_id, created_at);

-- Who received which order item (from OrderDelivered): what makes a user eligible to review it.
CREATE TABLE purchased_item
(
    order_item_id BIGINT      NOT NULL,
    order_id      BIGINT      NOT NULL,
    user_id       BIGINT      NOT NULL,
    product_id    BIGINT      NOT NULL,
    delivered_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (order_item_id)
) ENGINE = InnoDB;

CREATE INDEX ix_purchased_item_user ON purchased_item (user_id);

CREATE TABLE review
(
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    product_id    BIGINT        NOT NULL,
    order_item_id BIGINT        NOT NULL,
    user_id       BIGINT        NULL,
    author_name   VARCHAR(50)   NULL,
    rating        INT           NOT NULL,
    content       VARCHAR(1000) NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    version       BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_review_order_item UNIQUE (order_item_id),
    CONSTRAINT fk_review_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT ck_review_rating CHECK (rating BETWEEN 1 AND 5)
) ENGINE = InnoDB;

CREATE INDEX ix_review_product_newest ON review (product_id, created_at);
CREATE INDEX ix_review_product_rating ON review (product_id, rating, created_at);
CREATE INDEX ix_review_user ON review (user_id);

CREATE TABLE wishlist_item
(
    user_id    BIGINT      NOT NULL,
    product_id BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (user_id, product_id),
    CONSTRAINT fk_wishlist_item_product FOREIGN KEY (product_id) REFERENCES product (id)
) ENGINE = InnoDB;

CREATE INDEX ix_wishlist_item_user_newest ON wishlist_item (user_id, created_at);
CREATE INDEX ix_wishlist_item_product ON wishlist_item (product_id);

-- One row per user with a wishlist: its size, capped by a conditional UPDATE (exact under concurrency).
CREATE TABLE wishlist_owner
(
    user_id    BIGINT NOT NULL,
    item_count INT    NOT NULL,
    PRIMARY KEY (user_id),
    CONSTRAINT ck_wishlist_owner_count CHECK (item_count >= 0)
) ENGINE = InnoDB;

-- The keyword index (README "Search"): every distinct 2-character n-gram of a product's lower-cased name
-- and brand, packed into a number (product.SearchTokens), rewritten in the transaction of every change
-- of the product's name or brand. Existing products are indexed by the Java migration 2.1.
CREATE TABLE product_token
(
    token      BIGINT NOT NULL,
    product_id BIGINT NOT NULL,
    PRIMARY KEY (token, product_id),
    CONSTRAINT fk_product_token_product FOREIGN KEY (product_id) REFERENCES product (id)
) ENGINE = InnoDB;

CREATE INDEX ix_product_token_product ON product_token (product_id);

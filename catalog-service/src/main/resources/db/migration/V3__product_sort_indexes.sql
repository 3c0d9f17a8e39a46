-- The sort indexes name the tie-breaker (id) explicitly. InnoDB appends the primary key to every secondary
-- index anyway; H2 does too, but only walks an index for ORDER BY <sort column>, id (a page stops after
-- `size` rows: "index sorted") when the index lists every ORDER BY column — without it, a browse page over
-- the whole catalog sorted all listed rows (seconds at 100,000 products). Public listings order by
-- `listed` first (a constant there) so the index's leading column is part of the order.
DROP INDEX ix_product_listed_newest ON product;
DROP INDEX ix_product_listed_price ON product;
DROP INDEX ix_product_listed_rating ON product;
DROP INDEX ix_product_listed_popular ON product;
CREATE INDEX ix_product_listed_newest ON product (listed, created_at, id);
CREATE INDEX ix_product_listed_price ON product (listed, sale_price, id);
CREATE INDEX ix_product_listed_rating ON product (listed, rating_x100, id);
CREATE INDEX ix_product_listed_popular ON product (listed, popularity, id);

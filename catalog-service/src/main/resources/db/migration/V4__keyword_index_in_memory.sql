-- Keyword search moved into memory (product.KeywordIndex, ADR 0007): the bigram table of V2 is no longer
-- read or written. Instances follow each other's product changes by updated_at, hence its index.
DROP TABLE product_token;
CREATE INDEX ix_product_updated ON product (updated_at);

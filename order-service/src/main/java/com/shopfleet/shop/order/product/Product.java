package com.shopfleet.shop.order.product;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.shopfleet.shop.contracts.events.catalog.ProductChanged;

/**
 * The order service's copy of a catalog product, kept from the compacted product topic. A newer
 * state (higher {@code aggregateVersion}, or the same version occurring later) replaces an older
 * one; an older state arriving late changes nothing. Deleted products stay as rows so the cart can
 * show them as unavailable.
 */
@Entity
@Table(name = "product_replica")
public class Product {

    static final String ON_SALE = "ON_SALE";
    static final String SOLD_OUT = "SOLD_OUT";

    @Id
    @Column(name = "product_id")
    private Long productId;

    private String name;

    private String brand;

    @Column(name = "category_id")
    private long categoryId;

    private long price;

    @Column(name = "discount_rate")
    private int discountRate;

    @Column(name = "sale_price")
    private long salePrice;

    private String status;

    @Column(name = "title_image")
    private String titleImage;

    private boolean deleted;

    @Column(name = "aggregate_version")
    private long aggregateVersion;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    @Column(name = "source_partition")
    private int sourcePartition;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Product() {
    }

    static Product from(ProductChanged changed, long version, Instant occurredAt, int partition, Instant now) {
        Product product = new Product();
        product.productId = changed.productId();
        product.take(changed, version, occurredAt, partition, now);
        return product;
    }

    /** Takes the state if it is not older than the one held; true when it did. */
    boolean update(ProductChanged changed, long version, Instant occurredAt, int partition, Instant now) {
        boolean older = version < aggregateVersion
                || (version == aggregateVersion && occurredAt.isBefore(this.occurredAt));
        if (older) {
            return false;
        }
        take(changed, version, occurredAt, partition, now);
        return true;
    }

    private void take(ProductChanged changed, long version, Instant occurredAt, int partition, Instant now) {
        this.name = clip(changed.name() == null ? "" : changed.name(), 300);
        this.brand = clip(changed.brand(), 100);
        this.categoryId = changed.categoryId();
        this.price = changed.price();
        this.discountRate = changed.discountRate();
        this.salePrice = changed.salePrice();
        this.status = clip(changed.status() == null ? "" : changed.status(), 20);
        this.titleImage = clip(changed.titleImage(), 500);
        this.deleted = changed.deleted();
        this.aggregateVersion = version;
        this.occurredAt = occurredAt;
        this.sourcePartition = partition;
        this.updatedAt = now;
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public ProductAvailability availability() {
        if (deleted) {
            return ProductAvailability.DELETED;
        }
        return switch (status) {
            case ON_SALE -> ProductAvailability.AVAILABLE;
            case SOLD_OUT -> ProductAvailability.SOLD_OUT;
            default -> ProductAvailability.HIDDEN;
        };
    }

    public long id() {
        return productId;
    }

    public String name() {
        return name;
    }

    public String brand() {
        return brand;
    }

    public long price() {
        return price;
    }

    public int discountRate() {
        return discountRate;
    }

    /** The price a buyer pays, computed by the catalog. */
    public long salePrice() {
        return salePrice;
    }

    public String titleImage() {
        return titleImage;
    }

    public long aggregateVersion() {
        return aggregateVersion;
    }
}

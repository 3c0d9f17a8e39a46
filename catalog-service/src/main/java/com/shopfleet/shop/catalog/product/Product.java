package com.shopfleet.shop.catalog.product;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/**
 * A product. Staff change what it is ({@link #revise}) and delete it (softly); its counters — stock,
 * sales, wishlists, ratings — are never written through this entity ({@code updatable = false}) but by
 * atomic UPDATE statements ({@link ProductStock}, {@link ProductCounters}), so a staff edit can never
 * overwrite a reservation made meanwhile.
 */
@Entity
@Table(name = "product")
class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String brand;

    private long categoryId;

    private String titleImage;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "product_image", joinColumns = @JoinColumn(name = "product_id"))
    @OrderColumn(name = "position")
    @Column(name = "url")
    private List<String> images = new ArrayList<>();

    private String description;

    private long price;

    private int discountRate;

    private long salePrice;

    @Enumerated(EnumType.STRING)
    private ProductStatus status;

    private boolean listed;

    private boolean deleted;

    private Instant deletedAt;

    @Column(updatable = false)
    private int stockInitial;

    @Column(updatable = false)
    private int stockAvailable;

    @Column(updatable = false)
    private int stockReserved;

    @Column(updatable = false)
    private int stockSold;

    @Column(updatable = false)
    private int wishlistCount;

    @Column(updatable = false)
    private long popularity;

    @Column(updatable = false)
    private int reviewCount;

    @Column(updatable = false)
    private long ratingSum;

    @Column(name = "rating_x100", updatable = false)
    private int ratingX100;

    private String searchText;

    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private long version;

    protected Product() {
    }

    static Product create(ProductDraft draft, int initialStock, Instant now) {
        if (initialStock < 0) {
            throw new IllegalArgumentException("initial stock must not be negative");
        }
        Product product = new Product();
        product.apply(draft);
        product.stockInitial = initialStock;
        product.stockAvailable = initialStock;
        product.createdAt = now;
        product.updatedAt = now;
        return product;
    }

    void revise(ProductDraft draft, Instant now) {
        requireNotDeleted();
        apply(draft);
        updatedAt = now;
    }

    void delete(Instant now) {
        requireNotDeleted();
        deleted = true;
        deletedAt = now;
        listed = false;
        updatedAt = now;
    }

    private void apply(ProductDraft draft) {
        long sale = Pricing.salePrice(draft.price(), draft.discountRate());
        this.name = PlainText.clean(draft.name());
        this.brand = PlainText.clean(draft.brand());
        this.categoryId = draft.categoryId();
        this.titleImage = draft.titleImage().strip();
        this.images.clear();
        draft.images().forEach(image -> this.images.add(image.strip()));
        this.description = PlainText.clean(draft.description());
        this.price = draft.price();
        this.discountRate = draft.discountRate();
        this.salePrice = sale;
        this.status = draft.status();
        this.listed = !deleted && status != ProductStatus.HIDDEN;
        this.searchText = searchText(this.name, this.brand);
    }

    private void requireNotDeleted() {
        if (deleted) {
            throw new ShopException(ErrorCode.NOT_FOUND);
        }
    }

    /** Lower-cased name and brand: what keywords are matched against, without a function per row. */
    static String searchText(String name, String brand) {
        return (name + " " + brand).toLowerCase(Locale.ROOT);
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    String brand() {
        return brand;
    }

    String searchText() {
        return searchText;
    }

    long categoryId() {
        return categoryId;
    }

    String titleImage() {
        return titleImage;
    }

    List<String> images() {
        return List.copyOf(images);
    }

    String description() {
        return description;
    }

    long price() {
        return price;
    }

    int discountRate() {
        return discountRate;
    }

    long salePrice() {
        return salePrice;
    }

    ProductStatus status() {
        return status;
    }

    boolean listed() {
        return listed;
    }

    boolean deleted() {
        return deleted;
    }

    Instant deletedAt() {
        return deletedAt;
    }

    int stockInitial() {
        return stockInitial;
    }

    int stockAvailable() {
        return stockAvailable;
    }

    int stockReserved() {
        return stockReserved;
    }

    int stockSold() {
        return stockSold;
    }

    int wishlistCount() {
        return wishlistCount;
    }

    int reviewCount() {
        return reviewCount;
    }

    long ratingSum() {
        return ratingSum;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    long version() {
        return version;
    }
}

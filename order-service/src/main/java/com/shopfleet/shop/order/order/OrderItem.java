package com.shopfleet.shop.order.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A line of an order, priced at checkout; after a stock rejection it says whether it was short and by how much. */
@Entity
@Table(name = "order_item")
public class OrderItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private Order order;

    @Column(name = "product_id")
    private long productId;

    @Column(name = "product_name")
    private String productName;

    @Column(name = "title_image")
    private String titleImage;

    @Column(name = "unit_sale_price")
    private long unitSalePrice;

    private int quantity;

    @Column(name = "line_total")
    private long lineTotal;

    @Column(name = "short_of_stock")
    private boolean shortOfStock;

    @Column(name = "available_quantity")
    private Integer availableQuantity;

    protected OrderItem() {
    }

    OrderItem(Order order, NewOrderLine line) {
        this.order = order;
        this.productId = line.productId();
        this.productName = line.productName();
        this.titleImage = line.titleImage();
        this.unitSalePrice = line.unitSalePrice();
        this.quantity = line.quantity();
        this.lineTotal = Math.multiplyExact(line.unitSalePrice(), (long) line.quantity());
    }

    void markShort(int available) {
        this.shortOfStock = true;
        this.availableQuantity = Math.max(available, 0);
    }

    public Long id() {
        return id;
    }

    public long productId() {
        return productId;
    }

    public String productName() {
        return productName;
    }

    public String titleImage() {
        return titleImage;
    }

    public long unitSalePrice() {
        return unitSalePrice;
    }

    public int quantity() {
        return quantity;
    }

    public long lineTotal() {
        return lineTotal;
    }

    public boolean shortOfStock() {
        return shortOfStock;
    }

    public Integer availableQuantity() {
        return availableQuantity;
    }
}

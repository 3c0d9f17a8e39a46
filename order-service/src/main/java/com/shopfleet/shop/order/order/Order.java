package com.shopfleet.shop.order.order;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.shopfleet.shop.contracts.events.catalog.StockRejected;
import com.shopfleet.shop.order.payment.PaymentMethod;

/**
 * An order: the aggregate of the checkout saga and the order lifecycle. It refuses every transition
 * its state does not allow ({@link OrderStateException}, 409) and registers what each transition
 * causes as {@link OrderEvent}s, which the application services turn into outbox events and points
 * movements in the same transaction.
 */
@Entity
@Table(name = "orders")
public class Order {

    /** Reason codes carried by OrderRejected / OrderCancelled. */
    public static final String OUT_OF_STOCK = "OUT_OF_STOCK";
    public static final String STOCK_TIMEOUT = "STOCK_TIMEOUT";
    public static final String CUSTOMER_REQUEST = "CUSTOMER_REQUEST";
    public static final String PAYMENT_DECLINED = "PAYMENT_DECLINED";
    public static final String PAYMENT_FAILED = "PAYMENT_FAILED";
    public static final String PAYMENT_DEADLINE_PASSED = "PAYMENT_DEADLINE_PASSED";
    public static final String RESERVED_AFTER_CLOSE = "RESERVED_AFTER_CLOSE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "order_number", updatable = false)
    private String orderNumber;

    @Column(name = "user_id", updatable = false)
    private long userId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private OrderStatus status;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "payment_method", updatable = false)
    private PaymentMethod paymentMethod;

    @Embedded
    private Amounts amounts;

    @Embedded
    private DeliveryAddress address;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<OrderItem> items = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "points_status")
    private PointsStatus pointsStatus;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "payment_status")
    private PaymentStatus paymentStatus;

    @Column(name = "payment_deadline")
    private Instant paymentDeadline;

    @Column(name = "payment_attempts")
    private int paymentAttempts;

    @Column(name = "payment_attempt_at")
    private Instant paymentAttemptAt;

    @Column(name = "payment_reference")
    private String paymentReference;

    @Column(name = "stock_reserved")
    private boolean stockReserved;

    @Column(name = "stock_release_sent")
    private boolean stockReleaseSent;

    @Column(name = "stock_requests")
    private int stockRequests;

    @Column(name = "last_stock_request_at")
    private Instant lastStockRequestAt;

    @Column(name = "reject_reason")
    private String rejectReason;

    @Column(name = "cancel_reason")
    private String cancelReason;

    private String carrier;

    @Column(name = "tracking_number")
    private String trackingNumber;

    @Column(name = "placed_at", updatable = false)
    private Instant placedAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "shipped_at")
    private Instant shippedAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "rejected_at")
    private Instant rejectedAt;

    @Column(name = "refunded_at")
    private Instant refundedAt;

    @Column(name = "anonymize_when_closed")
    private boolean anonymizeWhenClosed;

    @Column(name = "anonymized_at")
    private Instant anonymizedAt;

    /** Counts the transitions others hear about: the events' aggregateVersion. */
    private int revision;

    @Transient
    private final List<OrderEvent> events = new ArrayList<>();

    protected Order() {
    }

    /** A new order, PENDING until the catalog answers; points it uses are held by whoever records its events. */
    public static Order place(String orderNumber, long userId, PaymentMethod paymentMethod, DeliveryAddress address,
            List<NewOrderLine> lines, Amounts amounts, Instant now) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs lines");
        }
        long goods = lines.stream().mapToLong(NewOrderLine::lineTotal).reduce(0, Math::addExact);
        if (goods != amounts.goodsTotal()) {
            throw new IllegalArgumentException("lines total " + goods + " but goods total " + amounts.goodsTotal());
        }
        Order order = new Order();
        order.orderNumber = orderNumber;
        order.userId = userId;
        order.paymentMethod = paymentMethod;
        order.address = address;
        order.amounts = amounts;
        lines.forEach(line -> order.items.add(new OrderItem(order, line)));
        order.status = OrderStatus.PENDING;
        order.pointsStatus = amounts.pointsUsed() > 0 ? PointsStatus.HELD : PointsStatus.NONE;
        order.paymentStatus = PaymentStatus.UNPAID;
        order.stockRequests = 1;
        order.lastStockRequestAt = now;
        order.placedAt = now;
        order.revision = 0;
        order.events.add(new OrderEvent.Placed(0, false));
        return order;
    }

    /**
     * The catalog reserved the stock: CONFIRMED. An order with nothing left to pay after points is
     * paid at once; a bank-transfer order gets its deadline.
     */
    public void confirm(Instant now, Duration bankTransferDeadline) {
        requireStatus("confirm", OrderStatus.PENDING);
        status = OrderStatus.CONFIRMED;
        stockReserved = true;
        confirmedAt = now;
        paymentStatus = PaymentStatus.AWAITING;
        events.add(new OrderEvent.Confirmed(++revision));
        if (amounts.paymentAmount() == 0) {
            pay(null, now);
        }
        else if (paymentMethod == PaymentMethod.BANK_TRANSFER) {
            paymentDeadline = now.plus(bankTransferDeadline);
        }
    }

    /** The catalog could not reserve every line: REJECTED, the short lines marked, the points released. */
    public void reject(List<StockRejected.ShortLine> shortLines, Instant now) {
        rejectFor(OUT_OF_STOCK, shortLines, now);
    }

    /** The catalog never answered, even when asked again: REJECTED, everything released. */
    public void rejectForTimeout(Instant now) {
        rejectFor(STOCK_TIMEOUT, List.of(), now);
    }

    private void rejectFor(String reason, List<StockRejected.ShortLine> shortLines, Instant now) {
        requireStatus("reject", OrderStatus.PENDING);
        Map<Long, StockRejected.ShortLine> byProduct = shortLines.stream()
                .collect(Collectors.toMap(StockRejected.ShortLine::productId, Function.identity(), (a, b) -> a));
        items.forEach(item -> {
            StockRejected.ShortLine shortLine = byProduct.get(item.productId());
            if (shortLine != null) {
                item.markShort(shortLine.available());
            }
        });
        status = OrderStatus.REJECTED;
        rejectReason = reason;
        rejectedAt = now;
        paymentStatus = PaymentStatus.VOID;
        if (pointsStatus == PointsStatus.HELD) {
            pointsStatus = PointsStatus.RELEASED;
        }
        events.add(new OrderEvent.Rejected(++revision, reason, List.copyOf(shortLines)));
        closed(now);
    }

    /** Asks the catalog again for an order it has not answered in time. */
    public void requestStockAgain(Instant now) {
        requireStatus("requestStock", OrderStatus.PENDING);
        stockRequests++;
        lastStockRequestAt = now;
        events.add(new OrderEvent.Placed(revision, true));
    }

    /**
     * The catalog reserved stock for this order after it had closed (cancelled while PENDING, or
     * rejected for a timeout): asks the catalog once to release it. False when nothing is to do.
     */
    public boolean releaseLateReservation() {
        if (!(status == OrderStatus.CANCELLED || status == OrderStatus.REJECTED) || stockReserved || stockReleaseSent) {
            return false;
        }
        stockReleaseSent = true;
        events.add(new OrderEvent.StockReleaseRequested(revision, RESERVED_AFTER_CLOSE));
        return true;
    }

    /** The money arrived (provider charge, or a bank transfer staff confirmed): PAID, the points spent. */
    public void markPaid(String reference, Instant now) {
        requireStatus("markPaid", OrderStatus.CONFIRMED);
        if (paymentStatus != PaymentStatus.AWAITING) {
            throw new OrderStateException(status, "markPaid");
        }
        pay(reference, now);
    }

    private void pay(String reference, Instant now) {
        status = OrderStatus.PAID;
        paymentStatus = PaymentStatus.PAID;
        paymentReference = reference;
        paymentDeadline = null;
        paidAt = now;
        if (pointsStatus == PointsStatus.HELD) {
            pointsStatus = PointsStatus.CAPTURED;
        }
        events.add(new OrderEvent.Paid(++revision));
    }

    /**
     * Cancels an order that has not left the warehouse: the catalog releases reserved stock, held
     * points are released, spent points refunded, and money taken goes back through the provider.
     */
    public void cancel(String reason, Instant now) {
        requireStatus("cancel", OrderStatus.PENDING, OrderStatus.CONFIRMED, OrderStatus.PAID);
        boolean refund = paymentStatus == PaymentStatus.PAID && amounts.paymentAmount() > 0;
        PointsStatus points = switch (pointsStatus) {
            case HELD -> PointsStatus.RELEASED;
            case CAPTURED -> PointsStatus.REFUNDED;
            default -> pointsStatus;
        };
        boolean pointsMove = points != pointsStatus;
        pointsStatus = points;
        paymentStatus = refund ? PaymentStatus.REFUND_PENDING : PaymentStatus.VOID;
        if (refund) {
            paymentAttempts = 0;
            paymentAttemptAt = null;
        }
        paymentDeadline = null;
        if (stockReserved) {
            stockReleaseSent = true;
        }
        status = OrderStatus.CANCELLED;
        cancelReason = reason;
        cancelledAt = now;
        events.add(new OrderEvent.Cancelled(++revision, reason, stockReserved, pointsMove ? points : PointsStatus.NONE,
                refund));
        closed(now);
    }

    /**
     * A charge the provider approved reached an order that was cancelled meanwhile: the money goes back.
     * False when the order is not in that situation.
     */
    public boolean chargeApprovedAfterClose(String reference) {
        if (status != OrderStatus.CANCELLED || paymentStatus != PaymentStatus.VOID) {
            return false;
        }
        paymentStatus = PaymentStatus.REFUND_PENDING;
        paymentReference = reference;
        paymentAttempts = 0;
        paymentAttemptAt = null;
        events.add(new OrderEvent.RefundRequired(revision));
        return true;
    }

    /** The provider gave the money back. */
    public void refunded(Instant now) {
        if (paymentStatus != PaymentStatus.REFUND_PENDING) {
            throw new OrderStateException(status, "refund");
        }
        paymentStatus = PaymentStatus.REFUNDED;
        refundedAt = now;
    }

    /** Staff shipped a paid order: SHIPPED. */
    public void ship(String carrier, String trackingNumber, Instant now) {
        requireStatus("ship", OrderStatus.PAID);
        this.carrier = carrier;
        this.trackingNumber = trackingNumber;
        status = OrderStatus.SHIPPED;
        shippedAt = now;
        events.add(new OrderEvent.Shipped(++revision));
    }

    /** The parcel arrived: DELIVERED; its items may be reviewed. */
    public void deliver(Instant now) {
        requireStatus("deliver", OrderStatus.SHIPPED);
        status = OrderStatus.DELIVERED;
        deliveredAt = now;
        events.add(new OrderEvent.Delivered(++revision));
        closed(now);
    }

    /** The buyer left: the shipping data goes now if the order is closed, else as soon as it closes. */
    public void forgetBuyer(Instant now) {
        anonymizeWhenClosed = true;
        if (status.closed()) {
            anonymize(now);
        }
    }

    private void closed(Instant now) {
        if (anonymizeWhenClosed) {
            anonymize(now);
        }
    }

    private void anonymize(Instant now) {
        if (anonymizedAt == null) {
            address = null;
            anonymizedAt = now;
        }
    }

    private void requireStatus(String action, OrderStatus... allowed) {
        for (OrderStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw new OrderStateException(status, action);
    }

    /** The events registered since the last call, in order; the list is emptied. */
    List<OrderEvent> pullEvents() {
        List<OrderEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    /** A provider charge is due: confirmed, money left to pay, paid by card or phone. */
    public boolean awaitsCharge() {
        return status == OrderStatus.CONFIRMED && paymentStatus == PaymentStatus.AWAITING
                && paymentMethod.chargedByProvider();
    }

    public Long id() {
        return id;
    }

    public String orderNumber() {
        return orderNumber;
    }

    public long userId() {
        return userId;
    }

    public OrderStatus status() {
        return status;
    }

    public PaymentMethod paymentMethod() {
        return paymentMethod;
    }

    public Amounts amounts() {
        return amounts;
    }

    /** Null once anonymized. */
    public DeliveryAddress address() {
        return address;
    }

    public List<OrderItem> items() {
        return Collections.unmodifiableList(items);
    }

    public PointsStatus pointsStatus() {
        return pointsStatus;
    }

    public PaymentStatus paymentStatus() {
        return paymentStatus;
    }

    public Instant paymentDeadline() {
        return paymentDeadline;
    }

    public int paymentAttempts() {
        return paymentAttempts;
    }

    public String paymentReference() {
        return paymentReference;
    }

    public boolean stockReserved() {
        return stockReserved;
    }

    public int stockRequests() {
        return stockRequests;
    }

    public Instant lastStockRequestAt() {
        return lastStockRequestAt;
    }

    public String rejectReason() {
        return rejectReason;
    }

    public String cancelReason() {
        return cancelReason;
    }

    public String carrier() {
        return carrier;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }

    public Instant paidAt() {
        return paidAt;
    }

    public Instant shippedAt() {
        return shippedAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public Instant rejectedAt() {
        return rejectedAt;
    }

    public Instant refundedAt() {
        return refundedAt;
    }

    public Instant anonymizedAt() {
        return anonymizedAt;
    }

    public int revision() {
        return revision;
    }
}

package com.shopfleet.shop.event.fcfs;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/**
 * A first-come-first-served event: the first {@code quantity} users to enter while it is open win
 * {@code prizePoints} each. Staff may change it until it opens and close it early; whether a
 * particular entry wins is decided in Redis (the admission feature), not here.
 */
@Entity
@Table(name = "fcfs_event")
public class FcfsEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;

    private String description;

    @Column(name = "prize_points")
    private long prizePoints;

    private int quantity;

    @Column(name = "opens_at")
    private Instant opensAt;

    @Column(name = "closes_at")
    private Instant closesAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected FcfsEvent() {
    }

    private FcfsEvent(EventTerms terms, Instant now) {
        apply(terms, now);
        this.createdAt = now;
    }

    /** A new event; it must close after it opens, and in the future. */
    public static FcfsEvent schedule(EventTerms terms, Instant now) {
        return new FcfsEvent(terms, now);
    }

    /** Changes the terms; only until the event opens (or is closed). */
    public void reschedule(EventTerms terms, Instant now) {
        if (closedAt != null) {
            throw new ShopException(ErrorCode.BUSINESS_RULE_VIOLATED, "event.edit.closed");
        }
        if (!now.isBefore(opensAt)) {
            throw new ShopException(ErrorCode.BUSINESS_RULE_VIOLATED, "event.edit.opened");
        }
        apply(terms, now);
    }

    /** Ends the event now, before its closing time; an event can be closed once. */
    public void close(Instant now) {
        if (isClosed(now)) {
            throw new ShopException(ErrorCode.CONFLICT, "event.close.closed");
        }
        this.closedAt = now;
        this.updatedAt = now;
    }

    private void apply(EventTerms terms, Instant now) {
        if (terms.quantity() < 1 || terms.quantity() > EventTerms.MAX_QUANTITY) {
            throw ShopException.withFields(ErrorCode.VALIDATION_FAILED, Map.of("quantity", "event.quantity.range"));
        }
        if (terms.prizePoints() < 1) {
            throw ShopException.withFields(ErrorCode.VALIDATION_FAILED, Map.of("prizePoints", "event.prize-points.positive"));
        }
        if (!terms.closesAt().isAfter(terms.opensAt())) {
            throw ShopException.withFields(ErrorCode.VALIDATION_FAILED, Map.of("closesAt", "event.closes-at.after-opens-at"));
        }
        if (!terms.closesAt().isAfter(now)) {
            throw ShopException.withFields(ErrorCode.VALIDATION_FAILED, Map.of("closesAt", "event.closes-at.future"));
        }
        this.title = terms.title();
        this.description = terms.description();
        this.prizePoints = terms.prizePoints();
        this.quantity = terms.quantity();
        this.opensAt = terms.opensAt();
        this.closesAt = terms.closesAt();
        this.updatedAt = now;
    }

    public boolean isClosed(Instant now) {
        return closedAt != null || !now.isBefore(closesAt);
    }

    public Long id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public long prizePoints() {
        return prizePoints;
    }

    public int quantity() {
        return quantity;
    }

    public Instant opensAt() {
        return opensAt;
    }

    public Instant closesAt() {
        return closesAt;
    }

    /** When staff closed it; null if they did not. */
    public Instant closedAt() {
        return closedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}

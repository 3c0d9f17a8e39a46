package com.shopfleet.shop.catalog.stock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * The stock an order holds, one per order id (the primary key makes reservations idempotent per order,
 * whatever event id the placement arrived with). Lines are kept in ascending product id order, the
 * order every row lock is taken in.
 */
@Entity
@Table(name = "stock_reservation")
class StockReservation implements Persistable<Long> {

    @Id
    private Long orderId;

    private long userId;

    @Enumerated(EnumType.STRING)
    private ReservationStatus status;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "stock_reservation_line", joinColumns = @JoinColumn(name = "order_id"))
    private List<ReservedLine> lines = new ArrayList<>();

    private Instant createdAt;

    private Instant updatedAt;

    @Transient
    private boolean isNew;

    protected StockReservation() {
    }

    /** An order being looked at; stored first so a concurrent duplicate fails on the key at once. */
    static StockReservation pending(long orderId, long userId, Instant now) {
        StockReservation reservation = new StockReservation();
        reservation.orderId = orderId;
        reservation.userId = userId;
        reservation.status = ReservationStatus.PENDING;
        reservation.createdAt = now;
        reservation.updatedAt = now;
        reservation.isNew = true;
        return reservation;
    }

    void reserved(List<ReservedLine> reservedLines, Instant now) {
        require(ReservationStatus.PENDING);
        lines.clear();
        lines.addAll(reservedLines);
        status = ReservationStatus.RESERVED;
        updatedAt = now;
    }

    void rejected(Instant now) {
        require(ReservationStatus.PENDING);
        status = ReservationStatus.REJECTED;
        updatedAt = now;
    }

    /** Reserved stock became a sale; false (nothing to do) unless it was reserved. */
    boolean sell(Instant now) {
        if (status != ReservationStatus.RESERVED) {
            return false;
        }
        status = ReservationStatus.SOLD;
        updatedAt = now;
        return true;
    }

    /**
     * The order ended without shipping: what it held goes back. Answers the status it was released from
     * (RESERVED or SOLD), or null when there is nothing to release.
     */
    ReservationStatus release(Instant now) {
        ReservationStatus from = status;
        if (from != ReservationStatus.RESERVED && from != ReservationStatus.SOLD) {
            return null;
        }
        status = ReservationStatus.RELEASED;
        updatedAt = now;
        return from;
    }

    private void require(ReservationStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("Reservation of order " + orderId + " is " + status + ", not " + expected);
        }
    }

    @Override
    public Long getId() {
        return orderId;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostPersist
    @PostLoad
    void markNotNew() {
        isNew = false;
    }

    ReservationStatus status() {
        return status;
    }

    List<ReservedLine> lines() {
        return List.copyOf(lines);
    }
}

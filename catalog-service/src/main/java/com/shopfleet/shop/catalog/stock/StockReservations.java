package com.shopfleet.shop.catalog.stock;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.shopfleet.shop.catalog.product.ProductStock;
import com.shopfleet.shop.contracts.events.catalog.StockRejected;
import com.shopfleet.shop.contracts.events.catalog.StockReserved;
import com.shopfleet.shop.contracts.events.order.OrderLine;
import com.shopfleet.shop.contracts.events.order.OrderPlaced;
import com.shopfleet.shop.support.messaging.Outbox;

/**
 * The catalog's side of the checkout saga. An order's stock is reserved for every line or for none;
 * released when the order is cancelled or rejected; counted as sold when it is confirmed. Each step is
 * idempotent per order (the reservation row), besides the consumer's per-event deduplication.
 */
@Service
@Transactional
public class StockReservations {

    private static final Logger log = LoggerFactory.getLogger(StockReservations.class);

    private final StockReservationRepository reservations;
    private final ProductStock stock;
    private final Outbox outbox;
    private final MeterRegistry meters;
    private final Clock clock;

    StockReservations(StockReservationRepository reservations, ProductStock stock, Outbox outbox,
            MeterRegistry meters) {
        this.reservations = reservations;
        this.stock = stock;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = Clock.systemUTC();
    }

    /** {@code shop_catalog_stock_decisions_total{outcome}}: reserved, rejected, sold, released (counted on commit). */
    private void count(String outcome) {
        Counter counter = meters.counter("shop.catalog.stock.decisions", "outcome", outcome);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        }
        else {
            counter.increment();
        }
    }

    /**
     * Reserves every line of a placed order, or none: lines are merged per product and taken in ascending
     * product id order (each conditional UPDATE locks its row, so two orders never wait on each other in
     * a cycle). If one line falls short, the lines already taken are given back in the same transaction
     * and {@code StockRejected} names every short line; otherwise {@code StockReserved} goes out.
     */
    public void reserve(OrderPlaced placed) {
        if (reservations.existsById(placed.orderId())) {
            log.info("Stock for order {} was already decided: placement ignored", placed.orderId());
            return;
        }
        Map<Long, Integer> wanted = merge(placed.lines());
        StockReservation reservation = reservations.saveAndFlush(
                StockReservation.pending(placed.orderId(), placed.userId(), clock.instant()));

        List<ReservedLine> taken = new ArrayList<>();
        Set<Long> soldOut = new HashSet<>();
        Long shortProduct = null;
        for (Map.Entry<Long, Integer> line : wanted.entrySet()) {
            OptionalInt left = stock.tryReserve(line.getKey(), line.getValue());
            if (left.isEmpty()) {
                shortProduct = line.getKey();
                break;
            }
            taken.add(new ReservedLine(line.getKey(), line.getValue()));
            if (left.getAsInt() == 0) {
                soldOut.add(line.getKey());
            }
        }

        if (shortProduct == null) {
            reservation.reserved(taken, clock.instant());
            reservations.save(reservation);
            outbox.record(new StockReserved(placed.orderId(),
                    taken.stream().map(line -> new StockReserved.Line(line.productId(), line.quantity())).toList()));
            stock.announceStatusChanges(soldOut);
            count("reserved");
            return;
        }

        for (ReservedLine line : taken) {
            stock.unreserve(line.productId(), line.quantity());
        }
        List<StockRejected.ShortLine> shortLines = new ArrayList<>();
        for (Map.Entry<Long, Integer> line : wanted.entrySet()) {
            int available = stock.availableForSale(line.getKey());
            if (line.getKey().equals(shortProduct) || available < line.getValue()) {
                shortLines.add(new StockRejected.ShortLine(line.getKey(), line.getValue(), available));
            }
        }
        reservation.rejected(clock.instant());
        reservations.save(reservation);
        outbox.record(new StockRejected(placed.orderId(), shortLines));
        count("rejected");
        log.info("Stock for order {} rejected: {}", placed.orderId(), shortLines);
    }

    /** A confirmed order's reserved stock is sold (sales count, popularity). */
    public void confirm(long orderId) {
        Optional<StockReservation> found = reservations.findForUpdate(orderId);
        if (found.isEmpty() || !found.get().sell(clock.instant())) {
            log.info("Order {} confirmed without reserved stock here ({}): nothing to count", orderId,
                    found.map(StockReservation::status).orElse(null));
            return;
        }
        for (ReservedLine line : found.get().lines()) {
            stock.sell(line.productId(), line.quantity());
        }
        count("sold");
    }

    /** A cancelled or rejected order gives back what it holds, reserved or already sold. */
    public void release(long orderId) {
        Optional<StockReservation> found = reservations.findForUpdate(orderId);
        ReservationStatus from = found.map(reservation -> reservation.release(clock.instant())).orElse(null);
        if (from == null) {
            log.info("Order {} ended holding no stock here ({}): nothing to release", orderId,
                    found.map(StockReservation::status).orElse(null));
            return;
        }
        Set<Long> backOnSale = new HashSet<>();
        for (ReservedLine line : found.get().lines()) {
            int available = from == ReservationStatus.SOLD ? stock.unsell(line.productId(), line.quantity())
                    : stock.unreserve(line.productId(), line.quantity());
            if (available == line.quantity()) {
                backOnSale.add(line.productId());
            }
        }
        stock.announceStatusChanges(backOnSale);
        count("released");
    }

    /** Lines merged per product, in ascending product id order (the lock order). */
    static Map<Long, Integer> merge(List<OrderLine> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("An order without lines cannot be reserved");
        }
        Map<Long, Integer> merged = new TreeMap<>();
        for (OrderLine line : lines) {
            if (line.quantity() <= 0) {
                throw new IllegalArgumentException("Order line " + line.orderItemId() + " has quantity " + line.quantity());
            }
            merged.merge(line.productId(), line.quantity(), Math::addExact);
        }
        return merged;
    }
}

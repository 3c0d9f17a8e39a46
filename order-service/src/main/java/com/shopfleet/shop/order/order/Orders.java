package com.shopfleet.shop.order.order;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.shopfleet.shop.order.Refusal;
import com.shopfleet.shop.order.payment.PaymentMethod;

/**
 * Placing orders (for checkout) and reading them. Reads take the mapping to apply, so it runs
 * while the order and its items are loaded.
 */
@Service
public class Orders {

    private final OrderRepository repository;
    private final OrderNumbers numbers;
    private final OrderEventRecorder recorder;
    private final Clock clock;

    Orders(OrderRepository repository, OrderNumbers numbers, OrderEventRecorder recorder, Clock clock) {
        this.repository = repository;
        this.numbers = numbers;
        this.recorder = recorder;
        this.clock = clock;
    }

    /**
     * Places an order as PENDING in the caller's transaction: holds its points (refused with 422 when
     * the balance no longer covers them) and records {@code OrderPlaced}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Order place(long userId, PaymentMethod paymentMethod, DeliveryAddress address, List<NewOrderLine> lines,
            Amounts amounts) {
        Instant now = clock.instant();
        Order order = repository.save(Order.place(numbers.next(now), userId, paymentMethod, address, lines, amounts, now));
        recorder.record(order);
        return order;
    }

    /** One of the user's own orders; anyone else's is as unknown as a missing one (404). */
    @Transactional(readOnly = true)
    public <T> T findOwn(long userId, long orderId, Function<Order, T> view) {
        return view.apply(repository.findByIdAndUserId(orderId, userId).orElseThrow(Orders::notFound));
    }

    /** The user's orders, newest first. */
    @Transactional(readOnly = true)
    public <T> Page<T> listOwn(long userId, Pageable page, Function<Order, T> view) {
        return repository.findByUserId(userId, page).map(view);
    }

    /** Any order (staff). */
    @Transactional(readOnly = true)
    public <T> T find(long orderId, Function<Order, T> view) {
        return view.apply(repository.findById(orderId).orElseThrow(Orders::notFound));
    }

    /** Orders by status and placing time, newest first (staff); null criteria match everything. */
    @Transactional(readOnly = true)
    public <T> Page<T> search(OrderStatus status, Instant from, Instant to, Pageable page, Function<Order, T> view) {
        List<Specification<Order>> criteria = new ArrayList<>();
        if (status != null) {
            criteria.add((root, query, cb) -> cb.equal(root.get("status"), status));
        }
        if (from != null) {
            criteria.add((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("placedAt"), from));
        }
        if (to != null) {
            criteria.add((root, query, cb) -> cb.lessThan(root.get("placedAt"), to));
        }
        return repository.findAll(Specification.allOf(criteria), page).map(view);
    }

    /** The user left: their closed orders lose the shipping data now, open ones when they close. */
    @Transactional
    public int forgetBuyer(long userId) {
        Instant now = clock.instant();
        List<Order> orders = repository.findByUserId(userId);
        orders.forEach(order -> order.forgetBuyer(now));
        return orders.size();
    }

    static Refusal notFound() {
        return Refusal.notFound("error.order.notFound");
    }
}

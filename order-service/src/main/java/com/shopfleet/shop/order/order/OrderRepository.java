package com.shopfleet.shop.order.order;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import com.shopfleet.shop.order.payment.PaymentMethod;

interface OrderRepository extends JpaRepository<Order, Long>, JpaSpecificationExecutor<Order> {

    Optional<Order> findByIdAndUserId(long id, long userId);

    Page<Order> findByUserId(long userId, Pageable pageable);

    List<Order> findByUserId(long userId);

    boolean existsByOrderNumber(String orderNumber);

    @Query("""
            select o.id from Order o
            where o.status = :status and o.lastStockRequestAt < :before
            order by o.lastStockRequestAt""")
    List<Long> findIdsWaitingSince(@Param("status") OrderStatus status, @Param("before") Instant before, Limit limit);

    @Query("select count(o) from Order o where o.status = :status and o.lastStockRequestAt < :before")
    long countWaitingSince(@Param("status") OrderStatus status, @Param("before") Instant before);

    @Query("""
            select o.id from Order o
            where o.status = :status and o.paymentStatus = :paymentStatus and o.paymentMethod in :methods
              and ((o.paymentAttemptAt is null and o.confirmedAt < :freshBefore) or o.paymentAttemptAt < :staleBefore)
            order by o.confirmedAt""")
    List<Long> findIdsToCharge(@Param("status") OrderStatus status, @Param("paymentStatus") PaymentStatus paymentStatus,
            @Param("methods") Collection<PaymentMethod> methods, @Param("freshBefore") Instant freshBefore,
            @Param("staleBefore") Instant staleBefore, Limit limit);

    @Query("""
            select o.id from Order o
            where o.status = :status and o.paymentStatus = :paymentStatus and o.paymentMethod = :method
              and o.paymentDeadline < :now
            order by o.paymentDeadline""")
    List<Long> findIdsPastDeadline(@Param("status") OrderStatus status, @Param("paymentStatus") PaymentStatus paymentStatus,
            @Param("method") PaymentMethod method, @Param("now") Instant now, Limit limit);

    @Query("""
            select o.id from Order o
            where o.paymentStatus = :paymentStatus
              and ((o.paymentAttemptAt is null and o.cancelledAt < :freshBefore) or o.paymentAttemptAt < :staleBefore)
            order by o.cancelledAt""")
    List<Long> findIdsToRefund(@Param("paymentStatus") PaymentStatus paymentStatus,
            @Param("freshBefore") Instant freshBefore, @Param("staleBefore") Instant staleBefore, Limit limit);

    /**
     * Claims a payment step (charge or refund) of an order for one caller: only one of several
     * concurrent callers (async listener, sweeper, other instances) gets 1; an unfinished claim
     * older than {@code staleBefore} may be taken over. Bumps the version, so no stale copy of the
     * order can be written over it.
     */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("""
            update Order o set o.paymentAttemptAt = :now, o.paymentAttempts = o.paymentAttempts + 1,
                               o.version = o.version + 1
            where o.id = :id and o.paymentStatus = :paymentStatus
              and (o.paymentAttemptAt is null or o.paymentAttemptAt < :staleBefore)""")
    int claimPaymentStep(@Param("id") long id, @Param("paymentStatus") PaymentStatus paymentStatus,
            @Param("now") Instant now, @Param("staleBefore") Instant staleBefore);

    @Query("select o.status, count(o) from Order o group by o.status")
    List<Object[]> countByStatus();
}

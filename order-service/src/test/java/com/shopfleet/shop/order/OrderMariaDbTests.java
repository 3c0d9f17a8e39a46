package com.shopfleet.shop.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.shopfleet.shop.contracts.events.catalog.ProductChanged;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.order.checkout.Checkout;
import com.shopfleet.shop.order.checkout.CheckoutCommand;
import com.shopfleet.shop.order.checkout.PlacedOrder;
import com.shopfleet.shop.order.order.DeliveryAddress;
import com.shopfleet.shop.order.order.OrderLifecycle;
import com.shopfleet.shop.order.order.OrderStatus;
import com.shopfleet.shop.order.order.Orders;
import com.shopfleet.shop.order.payment.PaymentMethod;
import com.shopfleet.shop.order.points.PointEntryType;
import com.shopfleet.shop.order.points.PointsWallet;
import com.shopfleet.shop.order.product.ProductReplica;
import com.shopfleet.shop.support.error.ShopException;
import com.shopfleet.shop.testsupport.MariaDbPublisherContract;
import com.shopfleet.shop.testsupport.MariaDbTest;

/**
 * The MariaDB tier: the migrations and the JPA mapping validated on InnoDB, and the races that
 * depend on its locking — two spends of the same points, twenty requests with one idempotency key.
 */
@MariaDbTest
@SpringBootTest(properties = { "shop.order.saga.sweep-interval=1h", "shop.order.payment.sweep-interval=1h",
        // the consumers get a broker (the binder blocks start-up without one); the outbox's producer stays
        // offline as the contract sets it, so recorded events stay in the registry
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN", "logging.level.state.change.logger=WARN" })
@EmbeddedKafka(partitions = 1)
class OrderMariaDbTests extends MariaDbPublisherContract {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        useFreshDatabase(registry, "shop_orders");
    }

    @Autowired
    PointsWallet wallet;

    @Autowired
    Checkout checkout;

    @Autowired
    Orders orders;

    @Autowired
    OrderLifecycle lifecycle;

    @Autowired
    ProductReplica replica;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoConcurrentSpendsOfTheSamePointsLeaveOneStandingAndTheBalanceNeverNegative() throws Exception {
        long user = 880_001;
        wallet.credit(user, 10_000, PointEntryType.PRIZE, "prize:maria:" + user, "MariaDB");
        CountDownLatch firstHolds = new CountDownLatch(1);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first = pool.submit(() -> spend(user, 9_000_001, () -> {
                firstHolds.countDown();
                Thread.sleep(300); // keeps the row locked while the second one arrives
                return null;
            }));
            firstHolds.await(10, TimeUnit.SECONDS);
            Future<Boolean> second = pool.submit(() -> spend(user, 9_000_002, () -> null));
            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(true, false);
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(wallet.balance(user).balance()).isZero();
        assertThat(wallet.balance(user).held()).isEqualTo(10_000);
        assertThatThrownBy(() -> jdbc.update("UPDATE point_wallet SET balance = -1 WHERE user_id = ?", user))
                .as("the CHECK constraint guards the balance too").isNotNull();
    }

    @Test
    void twentyParallelCheckoutsWithOneKeyPlaceOneOrderAndAnOrderReadsBack() throws Exception {
        long user = 880_002;
        long product = 880_100;
        replica.apply(new ProductChanged(product, "노이즈캔슬링 무선 이어폰", "오디오랩", 31, 159_000, 15, 135_150, "ON_SALE",
                null, false), 7, Instant.now(), 0);
        wallet.credit(user, 5_000, PointEntryType.PRIZE, "prize:maria:" + user, "MariaDB");
        CheckoutCommand command = new CheckoutCommand(List.of(new CheckoutCommand.Item(product, 1)),
                new DeliveryAddress("김민수", "010-2345-6789", "06236", "서울특별시 강남구 테헤란로 152", "12층", null),
                PaymentMethod.CARD, 5_000, 130_150L);
        String key = UUID.randomUUID().toString();

        List<Object> outcomes = inParallel(20, () -> {
            try {
                return checkout.place(user, key, command);
            }
            catch (ShopException refused) {
                return refused.code();
            }
        });

        List<PlacedOrder> placed = outcomes.stream().filter(PlacedOrder.class::isInstance).map(PlacedOrder.class::cast)
                .toList();
        assertThat(placed).isNotEmpty().allMatch(order -> order.equals(placed.getFirst()));
        assertThat(outcomes).filteredOn(outcome -> !(outcome instanceof PlacedOrder))
                .allMatch(ErrorCode.IDEMPOTENCY_IN_PROGRESS::equals);
        assertThat(checkout.place(user, key, command)).isEqualTo(placed.getFirst());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE user_id = ?", Integer.class, user))
                .isEqualTo(1);
        assertThat(wallet.balance(user).held()).isEqualTo(5_000);

        long orderId = placed.getFirst().orderId();
        lifecycle.stockReserved(orderId);
        OrderStatus status = orders.find(orderId, order -> order.status());
        long lineTotal = orders.find(orderId, order -> order.items().getFirst().lineTotal());
        Instant confirmedAt = orders.find(orderId, order -> order.confirmedAt());
        assertThat(status).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(lineTotal).isEqualTo(135_150);
        assertThat(confirmedAt).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
    }

    private boolean spend(long user, long orderId, Callable<?> whileHolding) {
        try {
            transactions.executeWithoutResult(status -> {
                wallet.hold(user, orderId, "SF-MARIA-" + orderId, 10_000);
                try {
                    whileHolding.call();
                }
                catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            });
            return true;
        }
        catch (ShopException insufficient) {
            assertThat(insufficient.code()).isEqualTo(ErrorCode.BUSINESS_RULE_VIOLATED);
            return false;
        }
    }

    private static <T> List<T> inParallel(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
        finally {
            pool.shutdownNow();
        }
    }
}

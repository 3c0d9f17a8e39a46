package com.shopfleet.shop.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.shopfleet.shop.contracts.events.catalog.StockRejected;
import com.shopfleet.shop.order.payment.PaymentMethod;

/** The order aggregate on its own: what each transition allows, changes and registers. */
class OrderTests {

    private static final Instant NOW = Instant.parse("2026-11-26T13:00:00Z");
    private static final Duration DEADLINE = Duration.ofHours(48);

    @Test
    void aNewOrderIsPendingHoldsItsPointsAndIsPlaced() {
        Order order = order(PaymentMethod.CARD, 5_000);

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.pointsStatus()).isEqualTo(PointsStatus.HELD);
        assertThat(order.items()).hasSize(2);
        assertThat(order.items().get(1).lineTotal()).isEqualTo(49_800);
        assertThat(order.pullEvents()).containsExactly(new OrderEvent.Placed(0, false));
        assertThat(order.pullEvents()).isEmpty();
    }

    @Test
    void linesAndAmountsMustAgree() {
        assertThatThrownBy(() -> Order.place("SF261126-AAAAAA", 1001, PaymentMethod.CARD, address(), lines(),
                Amounts.of(1, 0, 0), NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Amounts(100, 0, 200, -100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Amounts(100, 0, 0, 99)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConfirmedCardOrderAwaitsItsChargeAndIsThenPaid() {
        Order order = order(PaymentMethod.CARD, 5_000);
        order.pullEvents();

        order.confirm(NOW, DEADLINE);
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.awaitsCharge()).isTrue();
        assertThat(order.paymentDeadline()).isNull();
        order.markPaid("pay-1", NOW.plusSeconds(2));

        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
        assertThat(order.pointsStatus()).isEqualTo(PointsStatus.CAPTURED);
        assertThat(order.paymentReference()).isEqualTo("pay-1");
        assertThat(order.pullEvents()).containsExactly(new OrderEvent.Confirmed(1), new OrderEvent.Paid(2));
    }

    @Test
    void aBankTransferOrderGetsItsDeadlineAtConfirmation() {
        Order order = order(PaymentMethod.BANK_TRANSFER, 0);
        order.confirm(NOW, DEADLINE);

        assertThat(order.paymentDeadline()).isEqualTo(NOW.plus(DEADLINE));
        assertThat(order.awaitsCharge()).isFalse();
    }

    @Test
    void anOrderPointsPayInFullIsPaidAtConfirmation() {
        Order order = Order.place("SF261126-AAAAAA", 1001, PaymentMethod.CARD, address(), lines(),
                new Amounts(184_950, 0, 184_950, 0), NOW);
        order.pullEvents();

        order.confirm(NOW, DEADLINE);

        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
        assertThat(order.pullEvents()).containsExactly(new OrderEvent.Confirmed(1), new OrderEvent.Paid(2));
    }

    @Test
    void aRejectionMarksTheShortLinesAndReleasesThePoints() {
        Order order = order(PaymentMethod.CARD, 5_000);
        order.pullEvents();

        order.reject(List.of(new StockRejected.ShortLine(2002, 2, 1)), NOW);

        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.rejectReason()).isEqualTo(Order.OUT_OF_STOCK);
        assertThat(order.pointsStatus()).isEqualTo(PointsStatus.RELEASED);
        assertThat(order.items().get(0).shortOfStock()).isFalse();
        assertThat(order.items().get(1).shortOfStock()).isTrue();
        assertThat(order.items().get(1).availableQuantity()).isEqualTo(1);
        assertThat(order.pullEvents()).singleElement().isInstanceOf(OrderEvent.Rejected.class);
    }

    @Test
    void cancellingAPaidOrderRefundsPointsAndMoneyAndReleasesStock() {
        Order order = order(PaymentMethod.CARD, 5_000);
        order.confirm(NOW, DEADLINE);
        order.markPaid("pay-1", NOW);
        order.pullEvents();

        order.cancel(Order.CUSTOMER_REQUEST, NOW);

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.REFUND_PENDING);
        assertThat(order.pullEvents()).containsExactly(
                new OrderEvent.Cancelled(3, Order.CUSTOMER_REQUEST, true, PointsStatus.REFUNDED, true));
        order.refunded(NOW);
        assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.REFUNDED);
    }

    @Test
    void cancellingAPendingOrderReleasesPointsAndAsksForStockBackOnlyIfTheCatalogReservesLate() {
        Order order = order(PaymentMethod.CARD, 5_000);
        order.pullEvents();

        order.cancel(Order.CUSTOMER_REQUEST, NOW);
        assertThat(order.pullEvents()).containsExactly(
                new OrderEvent.Cancelled(1, Order.CUSTOMER_REQUEST, false, PointsStatus.RELEASED, false));

        assertThat(order.releaseLateReservation()).isTrue();
        assertThat(order.releaseLateReservation()).isFalse();
        assertThat(order.pullEvents()).containsExactly(
                new OrderEvent.StockReleaseRequested(1, Order.RESERVED_AFTER_CLOSE));
    }

    @Test
    void aChargeApprovedAfterTheCancelIsRefunded() {
        Order order = order(PaymentMethod.CARD, 0);
        order.confirm(NOW, DEADLINE);
        order.cancel(Order.CUSTOMER_REQUEST, NOW);
        order.pullEvents();

        assertThat(order.chargeApprovedAfterClose("pay-late")).isTrue();

        assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.REFUND_PENDING);
        assertThat(order.pullEvents()).containsExactly(new OrderEvent.RefundRequired(2));
    }

    @Test
    void illegalTransitionsAreRefusedWithTheStateAndTheAction() {
        Order order = order(PaymentMethod.CARD, 0);
        assertThatThrownBy(() -> order.ship("CJ대한통운", "1", NOW)).isInstanceOfSatisfying(OrderStateException.class,
                refused -> {
                    assertThat(refused.status()).isEqualTo(OrderStatus.PENDING);
                    assertThat(refused.action()).isEqualTo("ship");
                });
        assertThatThrownBy(() -> order.markPaid("x", NOW)).isInstanceOf(OrderStateException.class);
        assertThatThrownBy(() -> order.deliver(NOW)).isInstanceOf(OrderStateException.class);
        order.confirm(NOW, DEADLINE);
        assertThatThrownBy(() -> order.confirm(NOW, DEADLINE)).isInstanceOf(OrderStateException.class);
        order.markPaid("pay", NOW);
        order.ship("CJ대한통운", "684512379025", NOW);
        assertThatThrownBy(() -> order.cancel(Order.CUSTOMER_REQUEST, NOW)).isInstanceOf(OrderStateException.class);
        order.deliver(NOW);
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThatThrownBy(() -> order.reject(List.of(), NOW)).isInstanceOf(OrderStateException.class);
    }

    @Test
    void aLeavingBuyersShippingDataGoesWhenTheOrderCloses() {
        Order open = order(PaymentMethod.CARD, 0);
        open.forgetBuyer(NOW);
        assertThat(open.address()).isNotNull();
        open.cancel(Order.CUSTOMER_REQUEST, NOW);
        assertThat(open.address()).isNull();
        assertThat(open.anonymizedAt()).isEqualTo(NOW);

        Order closed = order(PaymentMethod.CARD, 0);
        closed.rejectForTimeout(NOW);
        closed.forgetBuyer(NOW);
        assertThat(closed.address()).isNull();
    }

    @Test
    void orderNumbersAreReadableAndDated() {
        String number = new OrderNumbers(null).candidate(NOW);
        assertThat(number).matches("SF261126-[2-9A-HJ-NP-Z]{6}");
    }

    private static Order order(PaymentMethod method, long points) {
        return Order.place("SF261126-7K3QX9", 1001, method, address(), lines(), Amounts.of(184_950, 0, points), NOW);
    }

    private static List<NewOrderLine> lines() {
        return List.of(new NewOrderLine(2001, "노이즈캔슬링 무선 이어폰", null, 135_150, 1),
                new NewOrderLine(2002, "고속 충전 보조배터리 10000mAh", null, 24_900, 2));
    }

    private static DeliveryAddress address() {
        return new DeliveryAddress("김민수", "010-2345-6789", "06236", "서울특별시 강남구 테헤란로 152", "강남파이낸스센터 12층", null);
    }
}

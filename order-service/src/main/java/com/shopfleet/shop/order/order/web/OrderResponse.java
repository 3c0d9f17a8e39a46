package com.shopfleet.shop.order.order.web;

import java.time.Instant;
import java.util.List;

import com.shopfleet.shop.order.order.Amounts;
import com.shopfleet.shop.order.order.DeliveryAddress;
import com.shopfleet.shop.order.order.Order;
import com.shopfleet.shop.order.order.OrderItem;
import com.shopfleet.shop.order.order.OrderStatus;
import com.shopfleet.shop.order.order.PaymentStatus;
import com.shopfleet.shop.order.payment.PaymentMethod;
import com.shopfleet.shop.order.payment.PaymentProperties;

/**
 * One order as its buyer (or staff) sees it. {@code shipping} is null once anonymized;
 * {@code bankTransfer} tells a bank-transfer buyer where to send how much by when.
 */
record OrderResponse(long orderId, String orderNumber, long userId, OrderStatus status, PaymentMethod paymentMethod,
        PaymentStatus paymentStatus, AmountsResponse amounts, ShippingResponse shipping, List<ItemResponse> items,
        BankTransferResponse bankTransfer, String rejectReason, String cancelReason, String carrier,
        String trackingNumber, Instant placedAt, Instant confirmedAt, Instant paidAt, Instant shippedAt,
        Instant deliveredAt, Instant cancelledAt, Instant rejectedAt, Instant refundedAt) {

    static OrderResponse from(Order order, PaymentProperties payment) {
        return new OrderResponse(order.id(), order.orderNumber(), order.userId(), order.status(), order.paymentMethod(),
                order.paymentStatus(), AmountsResponse.from(order.amounts()), ShippingResponse.from(order.address()),
                order.items().stream().map(ItemResponse::from).toList(), BankTransferResponse.from(order, payment),
                order.rejectReason(), order.cancelReason(), order.carrier(), order.trackingNumber(), order.placedAt(),
                order.confirmedAt(), order.paidAt(), order.shippedAt(), order.deliveredAt(), order.cancelledAt(),
                order.rejectedAt(), order.refundedAt());
    }

    record AmountsResponse(long goodsTotal, long shippingFee, long pointsUsed, long paymentAmount) {

        static AmountsResponse from(Amounts amounts) {
            return new AmountsResponse(amounts.goodsTotal(), amounts.shippingFee(), amounts.pointsUsed(),
                    amounts.paymentAmount());
        }
    }

    record ShippingResponse(String recipientName, String phone, String zipCode, String address1, String address2,
            String deliveryRequest) {

        static ShippingResponse from(DeliveryAddress address) {
            return address == null ? null : new ShippingResponse(address.recipientName(), address.phone(),
                    address.zipCode(), address.address1(), address.address2(), address.deliveryRequest());
        }
    }

    /** {@code shortOfStock}/{@code availableQuantity}: why a REJECTED order could not be served, per line. */
    record ItemResponse(long orderItemId, long productId, String productName, String titleImage, long unitSalePrice,
            int quantity, long lineTotal, boolean shortOfStock, Integer availableQuantity) {

        static ItemResponse from(OrderItem item) {
            return new ItemResponse(item.id(), item.productId(), item.productName(), item.titleImage(),
                    item.unitSalePrice(), item.quantity(), item.lineTotal(), item.shortOfStock(),
                    item.availableQuantity());
        }
    }

    record BankTransferResponse(String bank, String accountNumber, String holder, long amount, Instant deadline) {

        static BankTransferResponse from(Order order, PaymentProperties payment) {
            if (order.paymentMethod() != PaymentMethod.BANK_TRANSFER || order.paymentDeadline() == null) {
                return null;
            }
            PaymentProperties.DepositAccount account = payment.depositAccount();
            return new BankTransferResponse(account.bank(), account.number(), account.holder(),
                    order.amounts().paymentAmount(), order.paymentDeadline());
        }
    }
}

package com.shopfleet.shop.order.payment.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.shopfleet.shop.order.payment.PaymentPort;
import com.shopfleet.shop.order.payment.PaymentProperties;

/**
 * The payment provider of a shop that has none yet: approves every charge, except for the users it
 * is told to decline (configuration, or {@link #declineUser} in tests). Idempotent by key like a real
 * provider, within the process's lifetime. A real provider is another {@link PaymentPort} bean.
 */
@Component
public class LocalPaymentAdapter implements PaymentPort {

    private static final Logger log = LoggerFactory.getLogger(LocalPaymentAdapter.class);

    private final Set<Long> declinedUsers = ConcurrentHashMap.newKeySet();
    private final Map<String, ChargeResult> charges = new ConcurrentHashMap<>();
    private final Map<String, String> refunds = new ConcurrentHashMap<>();
    private final List<ChargeRequest> chargeLog = new CopyOnWriteArrayList<>();
    private final List<RefundRequest> refundLog = new CopyOnWriteArrayList<>();

    public LocalPaymentAdapter(PaymentProperties properties) {
        declinedUsers.addAll(properties.local().declineUserIds());
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        return charges.computeIfAbsent(request.idempotencyKey(), key -> {
            chargeLog.add(request);
            if (declinedUsers.contains(request.userId())) {
                log.info("Local payment: declined {} won for order {}", request.amount(), request.orderNumber());
                return new ChargeResult.Declined("DECLINED_BY_LOCAL_PROVIDER");
            }
            log.info("Local payment: charged {} won for order {} ({})", request.amount(), request.orderNumber(),
                    request.method());
            return new ChargeResult.Approved("local-" + UUID.randomUUID());
        });
    }

    @Override
    public String refund(RefundRequest request) {
        return refunds.computeIfAbsent(request.idempotencyKey(), key -> {
            refundLog.add(request);
            log.info("Local payment: refunded {} won of {}", request.amount(), request.paymentReference());
            return "local-refund-" + UUID.randomUUID();
        });
    }

    /** From now on, this user's charges are declined. */
    public void declineUser(long userId) {
        declinedUsers.add(userId);
    }

    /** Every distinct charge the adapter was asked for. */
    public List<ChargeRequest> charges() {
        return List.copyOf(chargeLog);
    }

    /** Every distinct refund the adapter was asked for. */
    public List<RefundRequest> refunds() {
        return List.copyOf(refundLog);
    }
}

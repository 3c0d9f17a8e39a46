package com.shopfleet.shop.order.payment;

/**
 * The payment provider. Calls are idempotent by {@code idempotencyKey} (a retried charge after a
 * crash returns the first result, never a second charge) and are never made inside a database
 * transaction or while a lock is held. A provider that cannot be reached throws
 * {@link PaymentUnavailableException}: the caller retries later.
 */
public interface PaymentPort {

    ChargeResult charge(ChargeRequest request);

    /** Gives a charge's money back; the result is the provider's refund reference. */
    String refund(RefundRequest request);

    record ChargeRequest(String idempotencyKey, long orderId, String orderNumber, long userId, PaymentMethod method,
            long amount) {
    }

    record RefundRequest(String idempotencyKey, long orderId, String paymentReference, long amount) {
    }

    sealed interface ChargeResult {

        /** The provider took the money; {@code reference} identifies the charge there. */
        record Approved(String reference) implements ChargeResult {
        }

        /** The provider refused (card declined, limit, fraud check). */
        record Declined(String reason) implements ChargeResult {
        }
    }
}

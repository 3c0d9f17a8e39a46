package com.shopfleet.shop.order.payment;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shop.order.payment.*}.
 *
 * @param bankTransferDeadline how long a confirmed bank-transfer order waits for its money before it is cancelled
 * @param depositAccount where bank-transfer buyers send the money (shown with the order)
 * @param retryAfter how long a charge or refund attempt that did not finish waits before it is tried again
 * @param maxAttempts charge attempts before an order whose provider never answered is cancelled
 * @param sweepInterval how often overdue transfers, unfinished charges and refunds are looked for
 * @param local the local adapter (the only provider so far)
 */
@ConfigurationProperties("shop.order.payment")
@Validated
public record PaymentProperties(@DefaultValue("48h") @NotNull Duration bankTransferDeadline,
        @Valid @NotNull DepositAccount depositAccount, @DefaultValue("1m") @NotNull Duration retryAfter,
        @DefaultValue("5") @Min(1) int maxAttempts, @DefaultValue("10s") @NotNull Duration sweepInterval,
        @Valid @DefaultValue Local local) {

    public record DepositAccount(@NotBlank String bank, @NotBlank String number, @NotBlank String holder) {
    }

    /** @param declineUserIds users whose charges the local adapter declines (system tests, demos) */
    public record Local(@DefaultValue List<Long> declineUserIds) {
    }
}

package com.shopfleet.shop.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DeliveryFailureTests {

    @Test
    void theReasonDecidesWhetherTheBinderRetries() {
        assertThat(DeliveryFailure.of(FailureReason.SMTP_UNAVAILABLE, "OrderPaid", Channel.MAIL, "down", null))
                .isInstanceOf(TransientDeliveryFailure.class);
        assertThat(DeliveryFailure.of(FailureReason.SMTP_REJECTED, "OrderPaid", Channel.MAIL, "550", null))
                .isInstanceOf(PermanentDeliveryFailure.class);
    }

    @Test
    void theMessageStartsWithTheReasonAndHasItsPersonalDataMasked() {
        DeliveryFailure failure = DeliveryFailure.of(FailureReason.SMTP_REJECTED, "OrderPaid", Channel.MAIL,
                "the SMTP server answered 550 for minsu.kim@example.com", null);

        assertThat(failure.getMessage())
                .isEqualTo("[SMTP_REJECTED] OrderPaid/MAIL: the SMTP server answered 550 for mi*******@example.com");
    }

    @Test
    void channelsFailingTogetherAreRetriedWhenAnyOfThemMaySucceedLater() {
        DeliveryFailure mail = DeliveryFailure.of(FailureReason.INVALID_ADDRESS, "OrderShipped", Channel.MAIL, "bad", null);
        DeliveryFailure sms = DeliveryFailure.of(FailureReason.SMS_PROVIDER_UNAVAILABLE, "OrderShipped", Channel.SMS,
                "down", null);

        DeliveryFailure both = DeliveryFailure.combine(List.of(mail, sms));

        assertThat(both).isInstanceOf(TransientDeliveryFailure.class);
        assertThat(both.reason()).isEqualTo(FailureReason.SMS_PROVIDER_UNAVAILABLE);
        assertThat(both.getMessage()).contains("[INVALID_ADDRESS]", "[SMS_PROVIDER_UNAVAILABLE]");
        assertThat(DeliveryFailure.combine(List.of(mail, mail))).isInstanceOf(PermanentDeliveryFailure.class);
    }

    @Test
    void theReasonIsReadBackFromADeadLettersExceptionMessage() {
        DeliveryFailure.ParsedReason parsed = DeliveryFailure.parse(
                "Exception thrown while invoking userEvents; [CONTACT_UNKNOWN] OrderPaid/MAIL: no contact known");

        assertThat(parsed.code()).isEqualTo("CONTACT_UNKNOWN");
        assertThat(parsed.text()).isEqualTo("[CONTACT_UNKNOWN] OrderPaid/MAIL: no contact known");
        assertThat(DeliveryFailure.parse("boom").code()).isNull();
    }
}

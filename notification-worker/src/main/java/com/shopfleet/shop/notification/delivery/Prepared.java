package com.shopfleet.shop.notification.delivery;

import java.util.Objects;

import com.shopfleet.shop.support.logging.PiiMasking;

/** A message ready to go out on its channel, or the reason nothing is sent on it. */
public sealed interface Prepared permits Prepared.Mail, Prepared.Sms, Prepared.Skip {

    static Prepared mail(String to, MailContent content) {
        return new Mail(to, content);
    }

    static Prepared sms(String to, String text) {
        return new Sms(to, text);
    }

    /** Nothing to send, e.g. the person withdrew or has no phone number: not a failure. */
    static Prepared skip(String reason) {
        return new Skip(reason);
    }

    /** The recipient as logs and the sent log show it. */
    String maskedRecipient();

    record Mail(String to, MailContent content) implements Prepared {

        public Mail {
            Objects.requireNonNull(content, "content");
        }

        @Override
        public String maskedRecipient() {
            return PiiMasking.email(to);
        }
    }

    record Sms(String to, String text) implements Prepared {

        public Sms {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String maskedRecipient() {
            return PiiMasking.phone(to);
        }
    }

    /** @param reason a metric tag value, e.g. {@code withdrawn}, {@code no_phone} */
    record Skip(String reason) implements Prepared {

        @Override
        public String maskedRecipient() {
            return null;
        }
    }
}

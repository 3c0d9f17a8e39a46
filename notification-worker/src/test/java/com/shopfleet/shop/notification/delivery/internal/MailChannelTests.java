package com.shopfleet.shop.notification.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.shopfleet.shop.notification.delivery.DeliveryException;
import com.shopfleet.shop.notification.delivery.FailureReason;
import com.shopfleet.shop.notification.delivery.MailContent;
import com.shopfleet.shop.notification.delivery.Prepared;

/** How SMTP's answers, as JavaMail reports them through Spring, become retried or permanent failures. */
class MailChannelTests {

    private final Prepared.Mail mail = new Prepared.Mail("minsu.kim@example.com", new MailContent("s", "<p>h</p>", "t"));

    @Test
    void aRecipientRefusedWith5xxIsPermanent() throws Exception {
        SMTPAddressFailedException refused = new SMTPAddressFailedException(
                new InternetAddress("minsu.kim@example.com"), "RCPT TO", 550, "550 5.1.1 no such user");
        SendFailedException failed = new SendFailedException("Invalid Addresses", refused);

        DeliveryException ex = MailChannel.classify(new MailSendException(Map.of(message(), failed)), mail);

        assertThat(ex.reason()).isEqualTo(FailureReason.SMTP_REJECTED);
        assertThat(ex.getMessage()).contains("550").doesNotContain("minsu.kim@");
    }

    @Test
    void aTemporaryReplyIsRetried() throws Exception {
        SMTPSendFailedException busy = new SMTPSendFailedException("DATA", 451, "451 try again later", null, null,
                null, null);

        assertThat(MailChannel.classify(new MailSendException(Map.of(message(), busy)), mail).reason())
                .isEqualTo(FailureReason.SMTP_TRANSIENT_REPLY);
    }

    @Test
    void noConnectionIsRetried() {
        MailConnectException down = new MailConnectException(new SocketConnectException("refused",
                new ConnectException("Connection refused"), "127.0.0.1", 25, 1000));

        assertThat(MailChannel.classify(new MailSendException("Mail server connection failed", down), mail).reason())
                .isEqualTo(FailureReason.SMTP_UNAVAILABLE);
    }

    @Test
    void refusedCredentialsAreRetriedUntilSomeoneFixesThem() {
        assertThat(MailChannel.classify(new MailAuthenticationException("535"), mail).reason())
                .isEqualTo(FailureReason.SMTP_AUTH_FAILED);
    }

    @Test
    void anAddressThatIsNoAddressIsPermanentAndNotQuoted() {
        MailChannel channel = new MailChannel(new JavaMailSenderImpl(), "숍플릿 <no-reply@shop.example>", "shop.example");

        for (String invalid : new String[] { "minsu kim@example.com", "minsu.kim@", "김민수@example.com", "" }) {
            assertThatThrownBy(() -> channel.send(new Prepared.Mail(invalid, new MailContent("s", "h", "t")),
                    java.util.UUID.randomUUID()))
                    .as(invalid)
                    .isInstanceOfSatisfying(DeliveryException.class, ex -> {
                        assertThat(ex.reason()).isEqualTo(FailureReason.INVALID_ADDRESS);
                        if (!invalid.isEmpty()) {
                            assertThat(ex.getMessage()).doesNotContain(invalid);
                        }
                    });
        }
    }

    private static MimeMessage message() throws MessagingException {
        return new JavaMailSenderImpl().createMimeMessage();
    }
}

package com.shopfleet.shop.notification.delivery.internal;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import com.shopfleet.shop.notification.delivery.DeliveryException;
import com.shopfleet.shop.notification.delivery.FailureReason;
import com.shopfleet.shop.notification.delivery.Prepared;
import com.shopfleet.shop.support.logging.PiiMasking;

/**
 * Mails through Spring's {@link JavaMailSender}: multipart/alternative (plain text + HTML) in UTF-8,
 * with a {@code Message-ID} derived from the event, and SMTP's answer turned into a
 * {@link FailureReason}: no connection or a 4xx reply is transient, a 5xx reply or an invalid
 * address is permanent.
 */
public class MailChannel {

    private final JavaMailSender sender;
    private final InternetAddress from;
    private final String messageIdDomain;

    public MailChannel(JavaMailSender sender, String from, String messageIdDomain) {
        this.sender = sender;
        try {
            this.from = new InternetAddress(from, true);
        }
        catch (AddressException ex) {
            throw new IllegalArgumentException("shop.notification.mail.from is not a valid address: " + from, ex);
        }
        this.messageIdDomain = messageIdDomain;
    }

    public void send(Prepared.Mail mail, UUID eventId) {
        MimeMessage message = compose(mail, eventId);
        try {
            sender.send(message);
        }
        catch (MailException ex) {
            throw classify(ex, mail);
        }
    }

    private MimeMessage compose(Prepared.Mail mail, UUID eventId) {
        InternetAddress to = recipient(mail);
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(mail.content().subject());
            helper.setText(mail.content().text(), mail.content().html());
            // kept by JavaMailSenderImpl on send: a resend from the crash window carries the same id
            message.setHeader("Message-ID", "<" + eventId + ".mail@" + messageIdDomain + ">");
            return message;
        }
        catch (MessagingException ex) {
            throw new DeliveryException(FailureReason.TEMPLATE_FAILED,
                    "the mail could not be composed (" + ex.getClass().getSimpleName() + ")");
        }
    }

    private static InternetAddress recipient(Prepared.Mail mail) {
        if (mail.to() == null || mail.to().isBlank()) {
            throw new DeliveryException(FailureReason.INVALID_ADDRESS, "no recipient address");
        }
        try {
            InternetAddress address = new InternetAddress(mail.to(), true);
            address.validate();
            if (address.getAddress().chars().anyMatch(c -> c > 127)) {
                throw new AddressException("non-ASCII address");
            }
            return address;
        }
        catch (AddressException ex) {
            // the parser's message quotes the address: name only the masked one
            throw new DeliveryException(FailureReason.INVALID_ADDRESS,
                    "recipient " + PiiMasking.email(mail.to()) + " is not a valid email address");
        }
    }

    static DeliveryException classify(MailException ex, Prepared.Mail mail) {
        String to = PiiMasking.email(mail.to());
        if (ex instanceof MailAuthenticationException) {
            return new DeliveryException(FailureReason.SMTP_AUTH_FAILED, "the SMTP server refused our credentials");
        }
        if (ex instanceof MailSendException send) {
            List<Throwable> problems = new ArrayList<>(send.getFailedMessages().values());
            problems.addAll(List.of(send.getMessageExceptions()));
            problems.add(send.getCause());
            for (Throwable problem : problems) {
                Integer code = replyCode(problem);
                if (code != null) {
                    FailureReason reason = code >= 500 ? FailureReason.SMTP_REJECTED : FailureReason.SMTP_TRANSIENT_REPLY;
                    return new DeliveryException(reason, "the SMTP server answered " + code + " for " + to);
                }
            }
            for (Throwable problem : problems) {
                if (isConnectionProblem(problem)) {
                    return new DeliveryException(FailureReason.SMTP_UNAVAILABLE,
                            "the SMTP server is not reachable (" + rootName(problem) + ")");
                }
            }
        }
        return new DeliveryException(FailureReason.SMTP_UNAVAILABLE,
                "sending to " + to + " failed (" + ex.getClass().getSimpleName() + ": " + PiiMasking.text(rootMessage(ex)) + ")");
    }

    /** The SMTP reply code anywhere in a JavaMail exception chain (causes and "next" exceptions). */
    static Integer replyCode(Throwable problem) {
        for (Throwable t : chain(problem)) {
            if (t instanceof SMTPAddressFailedException failed) {
                return failed.getReturnCode();
            }
            if (t instanceof SMTPSendFailedException failed) {
                return failed.getReturnCode();
            }
        }
        return null;
    }

    private static boolean isConnectionProblem(Throwable problem) {
        for (Throwable t : chain(problem)) {
            if (t instanceof MailConnectException || t instanceof ConnectException || t instanceof SocketTimeoutException
                    || t instanceof UnknownHostException || t instanceof java.net.SocketException) {
                return true;
            }
        }
        return false;
    }

    /** The exception, its causes and JavaMail's "next" exceptions, at most 20 deep. */
    private static List<Throwable> chain(Throwable problem) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = problem; t != null && chain.size() < 20 && !chain.contains(t); t = next(t)) {
            chain.add(t);
        }
        return chain;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException messaging && messaging.getNextException() != null
                && messaging.getNextException() != t) {
            return messaging.getNextException();
        }
        Throwable cause = t.getCause();
        return cause == t ? null : cause;
    }

    private static String rootName(Throwable problem) {
        return chain(problem).getLast().getClass().getSimpleName();
    }

    private static String rootMessage(Throwable problem) {
        return String.valueOf(chain(problem).getLast().getMessage());
    }
}

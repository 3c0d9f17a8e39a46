package com.shopfleet.shop.notification.localmail;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

import com.shopfleet.shop.notification.delivery.LoggingSmsSender;

/** What the local SMTP server received and the logging SMS adapter recorded, for developers to read. */
public class LocalMailbox {

    private final GreenMail server;
    private final LoggingSmsSender sms;

    public LocalMailbox(GreenMail server, LoggingSmsSender sms) {
        this.server = server;
        this.sms = sms;
    }

    /** Newest first; {@code index} is the order of arrival (0 = first). */
    public List<ReceivedMail> mails() {
        MimeMessage[] received = server.getReceivedMessages();
        List<ReceivedMail> mails = new ArrayList<>(received.length);
        for (int i = received.length - 1; i >= 0; i--) {
            mails.add(read(i, received[i]));
        }
        return mails;
    }

    public Optional<ReceivedMail> mail(int index) {
        MimeMessage[] received = server.getReceivedMessages();
        return index >= 0 && index < received.length ? Optional.of(read(index, received[index])) : Optional.empty();
    }

    /** Newest first; empty when SMS go to an HTTP provider. */
    public List<LoggingSmsSender.LoggedSms> sms() {
        return sms == null ? List.of() : sms.recent();
    }

    private static ReceivedMail read(int index, MimeMessage message) {
        try {
            Bodies bodies = new Bodies();
            collect(message, bodies);
            return new ReceivedMail(index, addresses(message.getFrom()),
                    addresses(message.getRecipients(Message.RecipientType.TO)), message.getSubject(),
                    message.getSentDate() == null ? null : message.getSentDate().toInstant(), bodies.text, bodies.html);
        }
        catch (MessagingException | IOException ex) {
            return new ReceivedMail(index, "", "", "(unreadable: " + ex.getClass().getSimpleName() + ")", null, "", null);
        }
    }

    private static void collect(Part part, Bodies bodies) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && bodies.text == null) {
            bodies.text = (String) part.getContent();
        }
        else if (part.isMimeType("text/html") && bodies.html == null) {
            bodies.html = (String) part.getContent();
        }
        else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, bodies);
            }
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    private static final class Bodies {
        private String text;
        private String html;
    }

    /** A received mail; {@code html} is null for a text-only one. */
    public record ReceivedMail(int index, String from, String to, String subject, Instant sentAt, String text,
            String html) {
    }
}

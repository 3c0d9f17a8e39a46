package com.shopfleet.shop.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import com.shopfleet.shop.notification.localmail.LocalMailbox;

/**
 * A real SMTP server for the tests (GreenMail), one per test JVM on a port chosen before it starts,
 * so it can be stopped ("SMTP down") and started again on the same port. Recipients can be made to
 * get a 451 reply (GreenMail answers a failed delivery with "451 Requested action aborted").
 */
final class TestSmtp {

    private static final int PORT = freePort();
    private static final Map<String, AtomicInteger> FAILING = new ConcurrentHashMap<>();
    private static GreenMail server = newServer();

    private TestSmtp() {
    }

    static int port() {
        return PORT;
    }

    static synchronized void stop() {
        server.stop();
    }

    static synchronized void start() {
        if (!server.isRunning()) {
            server = newServer();
        }
    }

    /** The next {@code times} deliveries to {@code address} get SMTP 451 (after DATA). */
    static void failNextDeliveriesTo(String address, int times) {
        FAILING.put(address.toLowerCase(), new AtomicInteger(times));
    }

    /** Every mail received for {@code address} (since this server started). */
    static synchronized List<LocalMailbox.ReceivedMail> mailsTo(String address) {
        LocalMailbox mailbox = new LocalMailbox(server, null);
        return mailbox.mails().stream()
                .filter(mail -> mail.to().toLowerCase().contains(address.toLowerCase()))
                .toList();
    }

    /** The raw messages for {@code address}, for header checks. */
    static synchronized List<MimeMessage> messagesTo(String address) {
        return java.util.Arrays.stream(server.getReceivedMessages()).filter(message -> {
            try {
                Address[] to = message.getAllRecipients();
                return to != null && java.util.Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            }
            catch (MessagingException ex) {
                return false;
            }
        }).toList();
    }

    private static GreenMail newServer() {
        GreenMail greenMail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        MessageDeliveryHandler delivering = greenMail.getUserManager().getMessageDeliveryHandler();
        greenMail.getUserManager().setMessageDeliveryHandler((message, address) -> {
            AtomicInteger failures = FAILING.get(address.getEmail().toLowerCase());
            if (failures != null && failures.getAndDecrement() > 0) {
                throw new MessagingException("mailbox temporarily unavailable (test)");
            }
            return delivering.handle(message, address);
        });
        return greenMail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Points {@code spring.mail.*} at the test server. */
    static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("spring.mail.host=127.0.0.1", "spring.mail.port=" + port(),
                    "spring.mail.username=", "spring.mail.password=").applyTo(context);
        }
    }
}

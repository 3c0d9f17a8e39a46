package com.shopfleet.shop.notification.localmail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import com.icegreen.greenmail.util.GreenMail;

/**
 * The local profile's in-process SMTP server: started with the profile only, on the configured
 * port, reachable by the mail sender the local profile configures, and read back by the mailbox.
 */
class LocalMailTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(LocalMailConfiguration.class)
            .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class));

    @Test
    void withoutTheLocalProfileThereIsNoSmtpServerAndNoMailbox() {
        context.run(started -> {
            assertThat(started).doesNotHaveBean(GreenMail.class);
            assertThat(started).doesNotHaveBean(LocalMailbox.class);
        });
    }

    @Test
    void inTheLocalProfileTheWorkersMailLandsInTheMailbox() {
        int port = freePort();
        context.withPropertyValues("spring.profiles.active=local", "shop.notification.local-mail.smtp-port=" + port,
                "spring.mail.host=127.0.0.1", "spring.mail.port=" + port)
                .withInitializer(ctx -> ctx.getEnvironment().setActiveProfiles("local"))
                .run(started -> {
                    assertThat(started).hasSingleBean(GreenMail.class);
                    assertThat(started.getBean(GreenMail.class).isRunning()).isTrue();
                    JavaMailSender sender = started.getBean(JavaMailSender.class);
                    assertThat(((JavaMailSenderImpl) sender).getPort()).isEqualTo(port);

                    var message = sender.createMimeMessage();
                    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
                    helper.setFrom("no-reply@shop-fleet.local");
                    helper.setTo("dev@example.com");
                    helper.setSubject("[숍플릿] 회원 가입을 환영합니다");
                    helper.setText("안녕하세요", "<p>안녕하세요 &lt;b&gt;</p>");
                    sender.send(message);

                    LocalMailbox mailbox = started.getBean(LocalMailbox.class);
                    assertThat(mailbox.mails()).singleElement().satisfies(mail -> {
                        assertThat(mail.to()).isEqualTo("dev@example.com");
                        assertThat(mail.subject()).isEqualTo("[숍플릿] 회원 가입을 환영합니다");
                        assertThat(mail.text()).isEqualTo("안녕하세요");
                        assertThat(mail.html()).isEqualTo("<p>안녕하세요 &lt;b&gt;</p>");
                    });
                    assertThat(mailbox.mail(0)).isPresent();
                    assertThat(mailbox.mail(1)).isEmpty();
                });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}

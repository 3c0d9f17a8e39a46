package com.shopfleet.shop.notification.localmail.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.MediaType;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import com.shopfleet.shop.notification.delivery.LoggingSmsSender;
import com.shopfleet.shop.notification.delivery.SmsMessage;
import com.shopfleet.shop.notification.localmail.LocalMailbox;
import com.shopfleet.shop.support.error.ErrorMessages;
import com.shopfleet.shop.support.error.ErrorTranslator;
import com.shopfleet.shop.support.web.servlet.ServletErrorAdvice;

/** {@code GET /local/mail}: what a developer reads, from a real SMTP server and the SMS adapter. */
class LocalMailControllerTests {

    private GreenMail smtp;
    private MockMvc mvc;

    @BeforeEach
    void setUp() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        var message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom("no-reply@shop-fleet.local");
        helper.setTo("dev@example.com");
        helper.setSubject("<b>주문</b> 확정");
        helper.setText("plain 본문", "<p onclick=\"x()\">html 본문</p>");
        sender.send(message);

        LoggingSmsSender sms = new LoggingSmsSender(10, Clock.systemUTC());
        sms.send(new SmsMessage("01023456789", "[숍플릿] 발송되었습니다", "e:SMS"));

        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateEngineMessageSource(messages);
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setResolvablePatterns(Set.of("*.html"));
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        engine.addTemplateResolver(resolver);

        mvc = MockMvcBuilders.standaloneSetup(new LocalMailController(new LocalMailbox(smtp, sms), engine))
                .setControllerAdvice(new ServletErrorAdvice(new ErrorTranslator(new ErrorMessages(messages))))
                .build();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void theMailboxPageListsMailAndSmsWithEverythingEscaped() throws Exception {
        mvc.perform(get("/local/mail").accept(MediaType.TEXT_HTML).locale(Locale.KOREAN))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(Matchers.containsString("로컬 메일함")))
                .andExpect(content().string(Matchers.containsString("&lt;b&gt;주문&lt;/b&gt; 확정")))
                .andExpect(content().string(Matchers.containsString("href=\"/local/mail/0\"")))
                .andExpect(content().string(Matchers.containsString("plain 본문")))
                .andExpect(content().string(Matchers.containsString("[숍플릿] 발송되었습니다")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<b>주문"))));
    }

    @Test
    void theMailboxIsAlsoAnEnvelopeForScripts() throws Exception {
        mvc.perform(get("/local/mail").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.success").value(true))
                .andExpect(jsonPath("$.data.mails[0].subject").value("<b>주문</b> 확정"))
                .andExpect(jsonPath("$.data.mails[0].to").value("dev@example.com"))
                .andExpect(jsonPath("$.data.sms[0].to").value("01023456789"));
    }

    @Test
    void oneMailIsShownAsSentButSandboxed() throws Exception {
        mvc.perform(get("/local/mail/0").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("sandbox")))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("default-src 'none'")))
                .andExpect(content().bytes("<p onclick=\"x()\">html 본문</p>".getBytes(StandardCharsets.UTF_8)));
        mvc.perform(get("/local/mail/0/text"))
                .andExpect(status().isOk())
                .andExpect(content().string("plain 본문"));
    }

    @Test
    void aMailThatIsNotThereIsA404() throws Exception {
        mvc.perform(get("/local/mail/7").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
    }
}

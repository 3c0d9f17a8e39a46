package com.shopfleet.shop.notification.localmail.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.notification.delivery.LoggingSmsSender;
import com.shopfleet.shop.notification.localmail.LocalMailbox;
import com.shopfleet.shop.support.error.ShopException;

/**
 * Profile {@code local} only (never in prod): {@code GET /local/mail} lists the mail the local SMTP
 * server received and the SMS the logging adapter recorded (HTML for a browser, the envelope for
 * {@code Accept: application/json}); {@code /local/mail/{index}} shows one mail's HTML part,
 * {@code /local/mail/{index}/text} its plain-text part.
 */
@RestController
@Profile("local")
@RequestMapping("/local/mail")
class LocalMailController {

    /** Mail HTML is shown as sent, but nothing in it may run or load anything. */
    private static final String SANDBOX = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final LocalMailbox mailbox;
    private final TemplateEngine templates;

    LocalMailController(LocalMailbox mailbox, TemplateEngine mailTemplateEngine) {
        this.mailbox = mailbox;
        this.templates = mailTemplateEngine;
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page() {
        Context context = new Context(LocaleContextHolder.getLocale());
        context.setVariable("mails", mailbox.mails());
        context.setVariable("sms", mailbox.sms());
        return ResponseEntity.ok().contentType(HTML).body(templates.process("local/mailbox.html", context));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ApiResponse<Mailbox> json() {
        return ApiResponse.ok(new Mailbox(mailbox.mails().stream().map(MailSummary::from).toList(), mailbox.sms()));
    }

    @GetMapping(path = "/{index}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> html(@PathVariable int index) {
        LocalMailbox.ReceivedMail mail = mailbox.mail(index).orElseThrow(() -> new ShopException(ErrorCode.NOT_FOUND));
        String body = mail.html() != null ? mail.html() : "<pre>" + escape(mail.text()) + "</pre>";
        return ResponseEntity.ok().contentType(HTML).header("Content-Security-Policy", SANDBOX).body(body);
    }

    @GetMapping(path = "/{index}/text", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> text(@PathVariable int index) {
        LocalMailbox.ReceivedMail mail = mailbox.mail(index).orElseThrow(() -> new ShopException(ErrorCode.NOT_FOUND));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(mail.text() == null ? "" : mail.text());
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    record Mailbox(List<MailSummary> mails, List<LoggingSmsSender.LoggedSms> sms) {
    }

    record MailSummary(int index, String from, String to, String subject, Instant sentAt, String text) {

        static MailSummary from(LocalMailbox.ReceivedMail mail) {
            return new MailSummary(mail.index(), mail.from(), mail.to(), mail.subject(), mail.sentAt(), mail.text());
        }
    }
}

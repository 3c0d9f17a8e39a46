package com.shopfleet.shop.notification.delivery;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;

/**
 * Renders a mail from {@code templates/mail/<name>.html} (HTML mode: every {@code th:text} is
 * escaped, user data never goes through {@code th:utext}) and {@code <name>.txt} (the plain-text
 * alternative), with texts from {@code messages*.properties} in the recipient's language and the
 * subject from {@code mail.<name>.subject}. SMS texts come from the same bundles.
 */
public class MailTemplates {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]+");

    private final TemplateEngine engine;
    private final MessageSource messages;
    private final DeliveryProperties properties;

    public MailTemplates(TemplateEngine engine, MessageSource messages, DeliveryProperties properties) {
        this.engine = engine;
        this.messages = messages;
        this.properties = properties;
    }

    /**
     * @param name        the template, e.g. {@code order-confirmed}
     * @param locale      the recipient's language
     * @param variables   what the templates show
     * @param subjectArgs the arguments of {@code mail.<name>.subject}
     */
    public MailContent render(String name, Locale locale, Map<String, ?> variables, Object... subjectArgs) {
        try {
            String subject = oneLine(messages.getMessage("mail." + name + ".subject", subjectArgs, locale));
            Context context = new Context(locale);
            context.setVariables(new HashMap<>(variables));
            context.setVariable("subject", subject);
            context.setVariable("storefrontUrl", properties.storefrontUrl().toString());
            String html = engine.process("mail/" + name + ".html", context);
            String text = engine.process("mail/" + name + ".txt", context);
            return new MailContent(subject, html, text);
        }
        catch (TemplateEngineException | NoSuchMessageException ex) {
            throw new DeliveryException(FailureReason.TEMPLATE_FAILED,
                    "mail template " + name + " failed (" + ex.getClass().getSimpleName() + ")", ex);
        }
    }

    /** A text from the bundles (e.g. an SMS), on one line. */
    public String text(String key, Locale locale, Object... args) {
        try {
            return oneLine(messages.getMessage(key, args, locale));
        }
        catch (NoSuchMessageException ex) {
            throw new DeliveryException(FailureReason.TEMPLATE_FAILED, "no text " + key, ex);
        }
    }

    /** A localized text for a code, e.g. {@code mail.reason.OUT_OF_STOCK}, or {@code <prefix>.other}. */
    public String codeText(String prefix, String code, Locale locale) {
        String fallback = messages.getMessage(prefix + ".other", null, "", locale);
        return code == null ? fallback : messages.getMessage(prefix + "." + code, null, fallback, locale);
    }

    /** "Hello {name}," — or without the name when there is none. */
    public String greeting(String name, Locale locale) {
        return name == null || name.isBlank() ? text("mail.greeting.anonymous", locale)
                : text("mail.greeting", locale, name.strip());
    }

    /** A point in time as the recipient reads it, in the shop's time zone. */
    public String time(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(properties.timeZone())
                .format(instant);
    }

    /** Header-safe: no line breaks or control characters can reach a header from user data. */
    private static String oneLine(String value) {
        return CONTROL.matcher(value).replaceAll(" ").strip();
    }
}

package com.shopfleet.shop.support.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.shopfleet.shop.contracts.web.ErrorCode;

/**
 * Resolves the text of an error: first from the application's own bundles (a service may add or
 * override keys), then from the fleet's shared bundle {@code shop/errors} (Korean by default,
 * English for {@code en}). Never falls back to the JVM's locale.
 */
public class ErrorMessages {

    public static final Locale DEFAULT_LOCALE = Locale.KOREAN;
    public static final List<Locale> SUPPORTED_LOCALES = List.of(Locale.KOREAN, Locale.ENGLISH);

    private final MessageSource application;
    private final ResourceBundleMessageSource shared;

    public ErrorMessages(MessageSource application) {
        this.application = application;
        this.shared = new ResourceBundleMessageSource();
        this.shared.setBasename("shop/errors");
        this.shared.setDefaultEncoding("UTF-8");
        this.shared.setFallbackToSystemLocale(false);
    }

    public String message(String key, Object[] args, Locale locale) {
        Locale effective = supported(locale);
        if (application != null) {
            try {
                return application.getMessage(key, args, effective);
            }
            catch (NoSuchMessageException ignored) {
                // not overridden by the service: the shared bundle has it
            }
        }
        try {
            return shared.getMessage(key, args, effective);
        }
        catch (NoSuchMessageException missing) {
            return shared.getMessage(ErrorCode.INTERNAL_ERROR.messageKey(), null, effective);
        }
    }

    public String message(ErrorCode code, Locale locale) {
        return message(code.messageKey(), null, locale);
    }

    /** A field error's reason: its own codes first (overridable), then the validator's text. */
    public String message(MessageSourceResolvable resolvable, Locale locale) {
        Locale effective = supported(locale);
        if (application != null) {
            try {
                return application.getMessage(resolvable, effective);
            }
            catch (NoSuchMessageException ignored) {
                // fall through to the shared bundle
            }
        }
        try {
            return shared.getMessage(resolvable, effective);
        }
        catch (NoSuchMessageException missing) {
            return shared.getMessage("error.field.invalid", null, effective);
        }
    }

    /** Field reasons given as bundle keys are resolved; plain texts pass through unchanged. */
    public Map<String, String> fields(Map<String, String> fields, Locale locale) {
        Locale effective = supported(locale);
        Map<String, String> resolved = new LinkedHashMap<>();
        fields.forEach((name, keyOrText) -> resolved.put(name, resolveOrKeep(keyOrText, effective)));
        return resolved;
    }

    private String resolveOrKeep(String keyOrText, Locale locale) {
        String fromShared = shared.getMessage(keyOrText, null, keyOrText, locale);
        return application == null ? fromShared : application.getMessage(keyOrText, null, fromShared, locale);
    }

    /** The best supported locale for what the client asked: {@code ko} unless it asked for {@code en}. */
    public static Locale supported(Locale requested) {
        if (requested != null && Locale.ENGLISH.getLanguage().equals(requested.getLanguage())) {
            return Locale.ENGLISH;
        }
        return DEFAULT_LOCALE;
    }
}

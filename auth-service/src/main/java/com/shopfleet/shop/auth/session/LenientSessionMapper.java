package com.shopfleet.shop.auth.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.MapSession;

/**
 * Reads a session hash whatever JSON number or numeric string the gateway wrote for
 * {@code lastAccessedTime} (it refreshes that field itself): Spring Session's own mapper would fail
 * on anything but the exact Java type. An incomplete hash is no session.
 */
final class LenientSessionMapper implements BiFunction<String, Map<String, Object>, MapSession> {

    private static final Logger log = LoggerFactory.getLogger(LenientSessionMapper.class);

    static final String ATTRIBUTE_PREFIX = "sessionAttr:";

    @Override
    public MapSession apply(String sessionId, Map<String, Object> hash) {
        Long creationTime = number(hash.get("creationTime"));
        Long lastAccessedTime = number(hash.get("lastAccessedTime"));
        Long maxInactiveInterval = number(hash.get("maxInactiveInterval"));
        if (creationTime == null || lastAccessedTime == null || maxInactiveInterval == null) {
            log.debug("Ignoring an incomplete session hash");
            return null;
        }
        MapSession session = new MapSession(sessionId);
        session.setCreationTime(Instant.ofEpochMilli(creationTime));
        session.setLastAccessedTime(Instant.ofEpochMilli(lastAccessedTime));
        session.setMaxInactiveInterval(Duration.ofSeconds(maxInactiveInterval));
        hash.forEach((field, value) -> {
            if (field.startsWith(ATTRIBUTE_PREFIX) && value != null) {
                session.setAttribute(field.substring(ATTRIBUTE_PREFIX.length()), value);
            }
        });
        return session;
    }

    private static Long number(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text.trim());
            }
            catch (NumberFormatException ex) {
                return null;
            }
        }
        return null;
    }
}

package com.shopfleet.shop.support.error;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Trace ids as the client sees them in {@code errorDetails.traceId} and {@code X-Trace-Id}: the W3C
 * trace id of the request ({@code traceparent}) when it has one, otherwise a fresh one.
 */
public final class TraceIds {

    public static final String HEADER = "X-Trace-Id";
    public static final String MDC_KEY = "traceId";
    public static final String ATTRIBUTE = TraceIds.class.getName() + ".traceId";

    private static final Pattern TRACEPARENT = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");

    private TraceIds() {
    }

    /** The trace id carried by a W3C {@code traceparent} header, or a new random one. */
    public static String fromTraceparent(String traceparent) {
        if (traceparent != null) {
            var matcher = TRACEPARENT.matcher(traceparent.trim());
            if (matcher.matches() && !matcher.group(1).equals("0".repeat(32))) {
                return matcher.group(1);
            }
        }
        return random();
    }

    public static String random() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

package com.shopfleet.shop.support.tracing;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The trace the current thread works for, as the fleet's code needs it: its id (what clients quote
 * from {@code errorDetails.traceId} and {@code X-Trace-Id}, and what every log line carries) and its
 * W3C propagation headers (what the outbox stores with an event so the consumer continues the trace).
 * Backed by Micrometer Tracing when the application traces, {@link #NONE} otherwise.
 */
public interface CurrentTrace {

    /** No tracer: no current trace. */
    CurrentTrace NONE = new CurrentTrace() {

        @Override
        public @Nullable String traceId() {
            return null;
        }

        @Override
        public Map<String, String> propagationHeaders() {
            return Map.of();
        }
    };

    /** The trace id of the current span, or {@code null} when nothing is traced on this thread. */
    @Nullable String traceId();

    /** The headers ({@code traceparent}, maybe {@code tracestate}) that continue the current span elsewhere; empty without one. */
    Map<String, String> propagationHeaders();
}

package com.shopfleet.shop.support.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;

import org.jspecify.annotations.Nullable;

/** Trace ids read from what Micrometer keeps: a span, or the tracing context an observation carries. */
public final class TraceIdsOf {

    private static final String INVALID = "0".repeat(32);

    private TraceIdsOf() {
    }

    /** The trace id of the span a tracing handler attached to this observation, if any. */
    public static @Nullable String observation(Observation.@Nullable ContextView context) {
        if (context == null) {
            return null;
        }
        TracingObservationHandler.TracingContext tracing = context.get(TracingObservationHandler.TracingContext.class);
        Span span = tracing != null ? tracing.getSpan() : null;
        return span == null || span.isNoop() ? null : valid(span.context().traceId());
    }

    static @Nullable String valid(@Nullable String traceId) {
        return traceId == null || traceId.isBlank() || traceId.equals(INVALID) ? null : traceId;
    }
}

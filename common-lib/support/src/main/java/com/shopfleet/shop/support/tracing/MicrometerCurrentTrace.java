package com.shopfleet.shop.support.tracing;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.jspecify.annotations.Nullable;

/** {@link CurrentTrace} from Micrometer Tracing's current span. */
public class MicrometerCurrentTrace implements CurrentTrace {

    private final Tracer tracer;
    private final Propagator propagator;

    public MicrometerCurrentTrace(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public @Nullable String traceId() {
        Span span = tracer.currentSpan();
        return span == null || span.isNoop() ? null : TraceIdsOf.valid(span.context().traceId());
    }

    @Override
    public Map<String, String> propagationHeaders() {
        Span span = tracer.currentSpan();
        if (span == null || span.isNoop()) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        propagator.inject(span.context(), headers, (carrier, key, value) -> {
            if (carrier != null && value != null) {
                carrier.put(key, value);
            }
        });
        return Map.copyOf(headers);
    }
}

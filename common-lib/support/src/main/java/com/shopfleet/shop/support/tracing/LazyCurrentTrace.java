package com.shopfleet.shop.support.tracing;

import java.util.Map;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * {@link CurrentTrace} over the application's tracer, looked up on first use (filters are created
 * before the tracing auto-configuration has run); {@link CurrentTrace#NONE} when there is none or
 * it is Micrometer's no-op tracer (tracing switched off, as in most tests).
 */
class LazyCurrentTrace implements CurrentTrace {

    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;
    private volatile @Nullable CurrentTrace delegate;

    LazyCurrentTrace(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public @Nullable String traceId() {
        return delegate().traceId();
    }

    @Override
    public Map<String, String> propagationHeaders() {
        return delegate().propagationHeaders();
    }

    private CurrentTrace delegate() {
        CurrentTrace current = delegate;
        if (current == null) {
            Tracer found = tracer.getIfAvailable();
            Propagator propagation = propagator.getIfAvailable();
            current = found == null || found == Tracer.NOOP || propagation == null ? CurrentTrace.NONE
                    : new MicrometerCurrentTrace(found, propagation);
            delegate = current;
        }
        return current;
    }
}

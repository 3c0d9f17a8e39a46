package com.shopfleet.shop.support.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;

/** Ways to obtain a {@link CurrentTrace}. */
public final class CurrentTraces {

    private CurrentTraces() {
    }

    /** Over the application's tracer, looked up on first use; {@link CurrentTrace#NONE} without a real one. */
    public static CurrentTrace lazily(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new LazyCurrentTrace(tracer, propagator);
    }
}

package com.shopfleet.shop.support.web.servlet;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import com.shopfleet.shop.support.error.TraceIds;
import com.shopfleet.shop.support.tracing.CurrentTrace;

/**
 * Gives every request the trace id the client can quote, echoed as {@code X-Trace-Id} and used in
 * the error envelope: the tracer's (its HTTP server observation has already honoured an incoming
 * {@code traceparent} and put the id in the MDC, so log lines carry the same one). Only when the
 * application does not trace: the {@code traceparent} header's trace id, else a new one, put in the
 * MDC for the request.
 */
public class TraceIdFilter extends OncePerRequestFilter {

    private final CurrentTrace currentTrace;

    public TraceIdFilter() {
        this(CurrentTrace.NONE);
    }

    public TraceIdFilter(CurrentTrace currentTrace) {
        this.currentTrace = currentTrace;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String fromTracer = currentTrace.traceId();
        if (fromTracer == null) {
            fromTracer = MDC.get(TraceIds.MDC_KEY);
        }
        String traceId = fromTracer != null ? fromTracer : TraceIds.fromTraceparent(request.getHeader("traceparent"));
        request.setAttribute(TraceIds.ATTRIBUTE, traceId);
        response.setHeader(TraceIds.HEADER, traceId);
        if (fromTracer == null) {
            MDC.put(TraceIds.MDC_KEY, traceId);
        }
        try {
            chain.doFilter(request, response);
        }
        finally {
            if (fromTracer == null) {
                MDC.remove(TraceIds.MDC_KEY);
            }
        }
    }
}

package com.shopfleet.shop.support.web.servlet;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import com.shopfleet.shop.support.error.TraceIds;

/**
 * Gives every request the trace id the client can quote: the tracer's (already in the MDC when
 * tracing is on), else the {@code traceparent} header's, else a new one; echoed as {@code X-Trace-Id}.
 */
public class TraceIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String fromTracer = MDC.get(TraceIds.MDC_KEY);
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

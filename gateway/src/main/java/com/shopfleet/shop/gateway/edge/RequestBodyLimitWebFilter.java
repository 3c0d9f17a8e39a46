package com.shopfleet.shop.gateway.edge;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ErrorTranslator;
import com.shopfleet.shop.support.error.ShopException;
import com.shopfleet.shop.support.web.reactive.ReactiveErrors;

/**
 * The gateway buffers request bodies (the circuit breaker's fallback and the retry need them
 * replayable), so it caps them at the fleet's {@code shop.web.max-body-size}, the same limit the
 * services apply: a declared {@code Content-Length} above it is refused at once with a 413
 * {@code PAYLOAD_TOO_LARGE} envelope; a chunked body fails the same way once it grows past it.
 */
public class RequestBodyLimitWebFilter implements WebFilter, Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 50;

    private final long maxBytes;
    private final ErrorTranslator translator;
    private final JsonMapper jsonMapper;

    public RequestBodyLimitWebFilter(DataSize maxBodySize, ErrorTranslator translator, JsonMapper jsonMapper) {
        this.maxBytes = maxBodySize.toBytes();
        this.translator = translator;
        this.jsonMapper = jsonMapper;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return ReactiveErrors.write(exchange, translator.translate(new ShopException(ErrorCode.PAYLOAD_TOO_LARGE),
                    exchange.getLocaleContext().getLocale(), ReactiveErrors.traceId(exchange)), jsonMapper);
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new Limited(request, maxBytes)).build());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private static final class Limited extends ServerHttpRequestDecorator {

        private final long maxBytes;

        Limited(ServerHttpRequest delegate, long maxBytes) {
            super(delegate);
            this.maxBytes = maxBytes;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                    DataBufferUtils.release(buffer);
                    sink.error(new ShopException(ErrorCode.PAYLOAD_TOO_LARGE));
                }
                else {
                    sink.next(buffer);
                }
            });
        }
    }
}

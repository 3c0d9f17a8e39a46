package com.shopfleet.shop.support.web.servlet;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.support.error.ApiError;
import com.shopfleet.shop.support.error.TraceIds;

final class ServletErrors {

    private ServletErrors() {
    }

    static String traceId(HttpServletRequest request) {
        Object id = request.getAttribute(TraceIds.ATTRIBUTE);
        return id != null ? id.toString() : TraceIds.fromTraceparent(request.getHeader("traceparent"));
    }

    /**
     * The envelope as JSON whatever the client's {@code Accept} said: a preset content type makes
     * Spring skip content negotiation, so even a 406 carries its envelope.
     */
    static ResponseEntity<ApiResponse<?>> entity(ApiError error) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON);
        error.headers().forEach(builder::header);
        return builder.body(error.body());
    }
}

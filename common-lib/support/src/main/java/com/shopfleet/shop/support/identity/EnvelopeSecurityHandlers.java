package com.shopfleet.shop.support.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ApiError;
import com.shopfleet.shop.support.error.ErrorTranslator;
import com.shopfleet.shop.support.error.ShopException;
import com.shopfleet.shop.support.error.TraceIds;

/** 401 and 403 from Spring Security as the fleet's envelope (filters run before the dispatcher sets the locale). */
public class EnvelopeSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ErrorTranslator translator;
    private final JsonMapper jsonMapper;
    private final LocaleResolver localeResolver;

    public EnvelopeSecurityHandlers(ErrorTranslator translator, JsonMapper jsonMapper, LocaleResolver localeResolver) {
        this.translator = translator;
        this.jsonMapper = jsonMapper;
        this.localeResolver = localeResolver;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        write(request, response, ErrorCode.UNAUTHENTICATED);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        write(request, response, ErrorCode.FORBIDDEN);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code) throws IOException {
        Object traceId = request.getAttribute(TraceIds.ATTRIBUTE);
        ApiError error = translator.translate(new ShopException(code), localeResolver.resolveLocale(request),
                traceId != null ? traceId.toString() : TraceIds.random());
        response.setStatus(error.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        jsonMapper.writeValue(response.getOutputStream(), error.body());
    }
}

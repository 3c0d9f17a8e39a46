package com.shopfleet.shop.support.web.servlet;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.support.error.ApiError;
import com.shopfleet.shop.support.error.ErrorTranslator;

/** Every exception a controller lets out becomes the fleet's error envelope. */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ServletErrorAdvice {

    private final ErrorTranslator translator;

    public ServletErrorAdvice(ErrorTranslator translator) {
        this.translator = translator;
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiResponse<?>> missingParameter(MissingServletRequestParameterException ex, HttpServletRequest request) {
        return ServletErrors.entity(translator.invalidField(ex.getParameterName(), "error.field.required",
                LocaleContextHolder.getLocale(), ServletErrors.traceId(request)));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ApiResponse<?>> missingHeader(MissingRequestHeaderException ex, HttpServletRequest request) {
        return ServletErrors.entity(translator.invalidField(ex.getHeaderName(), "error.field.required",
                LocaleContextHolder.getLocale(), ServletErrors.traceId(request)));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiResponse<?>> any(Exception ex, HttpServletRequest request) {
        ApiError error = translator.translate(ex, LocaleContextHolder.getLocale(), ServletErrors.traceId(request));
        return ServletErrors.entity(error);
    }
}

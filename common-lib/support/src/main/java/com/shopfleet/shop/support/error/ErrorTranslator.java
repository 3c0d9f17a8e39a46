package com.shopfleet.shop.support.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebInputException;

import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.contracts.web.ErrorDetails;

/**
 * The one exception-to-envelope mapping of the fleet, shared by the servlet services and the
 * reactive gateway. Nothing of an exception's own text reaches the client: messages come from the
 * bundles, internals only from the log (with the trace id to find them).
 */
public class ErrorTranslator {

    private static final Logger log = LoggerFactory.getLogger(ErrorTranslator.class);

    private static final List<String> CONFLICTS = List.of(
            "org.springframework.dao.OptimisticLockingFailureException",
            "jakarta.persistence.OptimisticLockException",
            "org.springframework.dao.DataIntegrityViolationException",
            "org.springframework.dao.PessimisticLockingFailureException",
            "org.hibernate.StaleObjectStateException");

    private static final List<String> UNAVAILABLE = List.of(
            "java.net.ConnectException",
            "io.netty.channel.ConnectTimeoutException",
            "io.github.resilience4j.circuitbreaker.CallNotPermittedException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "org.springframework.data.redis.RedisConnectionFailureException",
            "org.springframework.dao.QueryTimeoutException",
            "org.apache.kafka.common.errors.TimeoutException");

    private final ErrorMessages messages;

    public ErrorTranslator(ErrorMessages messages) {
        this.messages = messages;
    }

    public ErrorMessages messages() {
        return messages;
    }

    public ApiError translate(Throwable ex, Locale locale, String traceId) {
        ShopException shop = find(ex, ShopException.class);
        if (shop != null) {
            return of(shop.code(), shop.code().httpStatus(), messages.message(shop.messageKey(), shop.messageArgs(), locale),
                    messages.fields(shop.fields(), locale), shop.data(), shop.headers(), traceId);
        }
        BindingResult binding = ex instanceof BindingResult br ? br : null;
        if (binding != null) {
            return validation(fieldErrors(binding, locale), locale, traceId);
        }
        if (ex instanceof HandlerMethodValidationException hmv) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (ParameterValidationResult result : hmv.getParameterValidationResults()) {
                String name = result.getMethodParameter().getParameterName();
                result.getResolvableErrors().stream().findFirst()
                        .ifPresent(error -> fields.putIfAbsent(name, messages.message(error, locale)));
            }
            return validation(fields, locale, traceId);
        }
        if (ex instanceof ConstraintViolationException cve) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (ConstraintViolation<?> violation : cve.getConstraintViolations()) {
                fields.putIfAbsent(leaf(violation.getPropertyPath()), violation.getMessage());
            }
            return validation(fields, locale, traceId);
        }
        if (ex instanceof MissingRequestValueException missing) {
            return invalidField(missing.getName(), "error.field.required", locale, traceId);
        }
        TypeMismatchException mismatch = find(ex, TypeMismatchException.class);
        if (mismatch != null) {
            String name = mismatch.getPropertyName() != null ? mismatch.getPropertyName() : parameterName(ex);
            return invalidField(name == null ? "value" : name, "error.field.type", locale, traceId);
        }
        if (ex instanceof HttpMessageNotReadableException || find(ex, DecodingException.class) != null) {
            return simple(ErrorCode.MALFORMED_REQUEST, locale, traceId);
        }
        if (ex instanceof ServerWebInputException input && input.getMethodParameter() != null) {
            return invalidField(String.valueOf(input.getMethodParameter().getParameterName()), "error.field.invalid", locale,
                    traceId);
        }
        if (isAny(ex, CONFLICTS)) {
            log.info("Conflict [{}]: {}", traceId, ex.toString());
            return simple(ErrorCode.CONFLICT, locale, traceId);
        }
        if (isAny(ex, UNAVAILABLE) || find(ex, TimeoutException.class) != null) {
            log.warn("Dependency unavailable [{}]: {}", traceId, ex.toString());
            return simple(ErrorCode.SERVICE_UNAVAILABLE, locale, traceId);
        }
        if (is(ex, "org.springframework.security.access.AccessDeniedException")
                || is(ex, "org.springframework.security.authorization.AuthorizationDeniedException")) {
            return simple(ErrorCode.FORBIDDEN, locale, traceId);
        }
        if (is(ex, "org.springframework.security.core.AuthenticationException")) {
            return simple(ErrorCode.UNAUTHENTICATED, locale, traceId);
        }
        if (ex instanceof ErrorResponse response) {
            int status = response.getStatusCode().value();
            if (status >= 500) {
                return status == 501 ? unexpected(ex, locale, traceId) : unavailable(ex, locale, traceId);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            response.getHeaders().forEach((name, values) -> headers.put(name, String.join(", ", values)));
            ErrorCode code = ErrorCode.forStatus(status);
            return of(code, status, messages.message(code, locale), Map.of(), null, headers, traceId);
        }
        return unexpected(ex, locale, traceId);
    }

    /** The envelope for a bare status (e.g. a servlet container error page). */
    public ApiError forStatus(int status, Locale locale, String traceId) {
        ErrorCode code = ErrorCode.forStatus(status);
        int effective = code == ErrorCode.SERVICE_UNAVAILABLE ? 503 : status;
        return of(code, effective, messages.message(code, locale), Map.of(), null, Map.of(), traceId);
    }

    private ApiError unavailable(Throwable ex, Locale locale, String traceId) {
        log.warn("Dependency unavailable [{}]: {}", traceId, ex.toString());
        return simple(ErrorCode.SERVICE_UNAVAILABLE, locale, traceId);
    }

    private ApiError unexpected(Throwable ex, Locale locale, String traceId) {
        log.error("Unexpected error [traceId={}]", traceId, ex);
        return simple(ErrorCode.INTERNAL_ERROR, locale, traceId);
    }

    private ApiError validation(Map<String, String> fields, Locale locale, String traceId) {
        return of(ErrorCode.VALIDATION_FAILED, 400, messages.message(ErrorCode.VALIDATION_FAILED, locale), fields, null,
                Map.of(), traceId);
    }

    private ApiError simple(ErrorCode code, Locale locale, String traceId) {
        return of(code, code.httpStatus(), messages.message(code, locale), Map.of(), null, Map.of(), traceId);
    }

    private static ApiError of(ErrorCode code, int status, String message, Map<String, String> fields, Object data,
            Map<String, String> headers, String traceId) {
        return new ApiError(status, ApiResponse.error(message, data, new ErrorDetails(code, fields, traceId)), headers);
    }

    private Map<String, String> fieldErrors(BindingResult binding, Locale locale) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            fields.putIfAbsent(error.getField(), messages.message(error, locale));
        }
        binding.getGlobalErrors().forEach(error -> fields.putIfAbsent(error.getObjectName(), messages.message(error, locale)));
        return fields;
    }

    /** A {@code VALIDATION_FAILED} naming one field, its reason from the bundles. */
    public ApiError invalidField(String field, String reasonKey, Locale locale, String traceId) {
        return validation(Map.of(field, messages.message(reasonKey, null, locale)), locale, traceId);
    }

    private static String parameterName(Throwable ex) {
        return ex instanceof ServerWebInputException input && input.getMethodParameter() != null
                ? input.getMethodParameter().getParameterName() : null;
    }

    private static String leaf(Path path) {
        String name = null;
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name == null ? "value" : name;
    }

    private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static boolean isAny(Throwable ex, List<String> typeNames) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (String name : typeNames) {
                if (is(t, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean is(Throwable ex, String typeName) {
        for (Class<?> type = ex.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(typeName)) {
                return true;
            }
        }
        return false;
    }
}

package com.shopfleet.shop.order;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ApiError;
import com.shopfleet.shop.support.error.ErrorTranslator;
import com.shopfleet.shop.support.error.ShopException;
import com.shopfleet.shop.support.error.TraceIds;

/**
 * A lock wait timeout or a deadlock the database broke is a conflict the client may retry (409),
 * not an internal error: the fleet's translator only knows optimistic-lock and integrity
 * conflicts, so this service maps the pessimistic ones itself.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class LockConflictAdvice {

    private static final Logger log = LoggerFactory.getLogger(LockConflictAdvice.class);

    private final ErrorTranslator translator;

    LockConflictAdvice(ErrorTranslator translator) {
        this.translator = translator;
    }

    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<ApiResponse<?>> lockConflict(PessimisticLockingFailureException ex, HttpServletRequest request) {
        Object traceId = request.getAttribute(TraceIds.ATTRIBUTE);
        log.info("Lock conflict [{}]: {}", traceId, ex.toString());
        ApiError error = translator.translate(new ShopException(ErrorCode.CONFLICT), LocaleContextHolder.getLocale(),
                traceId != null ? traceId.toString() : TraceIds.random());
        return ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON).body(error.body());
    }
}

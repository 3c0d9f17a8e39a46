package com.shopfleet.shop.support.web.servlet;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.shopfleet.shop.contracts.web.ApiResponse;
import com.shopfleet.shop.support.error.ErrorTranslator;

/**
 * Errors raised outside a controller (filters, the container) reach {@code /error}; this answers
 * them with the same envelope instead of Boot's default body.
 */
@RestController
public class EnvelopeErrorController implements ErrorController {

    private final ErrorTranslator translator;

    public EnvelopeErrorController(ErrorTranslator translator) {
        this.translator = translator;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ApiResponse<?>> error(HttpServletRequest request) {
        String traceId = ServletErrors.traceId(request);
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable ex) {
            return ServletErrors.entity(translator.translate(ex, LocaleContextHolder.getLocale(), traceId));
        }
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer value ? value : 500;
        return ServletErrors.entity(translator.forStatus(code, LocaleContextHolder.getLocale(), traceId));
    }
}

package com.shopfleet.shop.event.admission.web;

import java.util.Map;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

/**
 * An entry the script refused. Refusals are the common answer in a stampede (most entrants find the
 * prizes gone), so this exception skips the stack trace: it is an answer, not a fault.
 */
final class EntryRefused extends ShopException {

    EntryRefused(ErrorCode code, Object data) {
        super(code, code.messageKey(), null, Map.of(), data, Map.of());
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}

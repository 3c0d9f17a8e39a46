package com.shopfleet.shop.contracts.web;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What an error response carries besides its message: the code, the offending fields (name →
 * localized reason) and the trace id to quote to support.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ErrorDetails(ErrorCode code, Map<String, String> fields, String traceId) {

    public ErrorDetails {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}

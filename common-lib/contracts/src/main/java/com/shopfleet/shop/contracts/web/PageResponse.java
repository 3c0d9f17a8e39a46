package com.shopfleet.shop.contracts.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A page of a list (CONTRACTS §1): {@code {content: [...], page: {size, number, totalElements,
 * totalPages}}}; hot lists may add a keyset {@code nextCursor}.
 */
public record PageResponse<T>(List<T> content, PageMeta page,
        @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {

    public PageResponse {
        content = List.copyOf(content);
    }

    public static <T> PageResponse<T> of(List<T> content, int size, int number, long totalElements) {
        int totalPages = size == 0 ? 0 : (int) ((totalElements + size - 1) / size);
        return new PageResponse<>(content, new PageMeta(size, number, totalElements, totalPages), null);
    }

    public record PageMeta(int size, int number, long totalElements, int totalPages) {
    }
}

package com.shopfleet.shop.contracts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.shopfleet.shop.contracts.GoldenFiles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ApiResponseRoundTripTests {

    record OrderSummary(long orderId, String orderNumber, String status, long paymentAmount) {
    }

    record ProductSummary(long productId, String name, String brand, long price, int discountRate, long salePrice) {
    }

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void successEnvelopeRoundTrips() {
        ApiResponse<OrderSummary> response = roundTrip("web/ApiResponse-success.json",
                mapper.getTypeFactory().constructParametricType(ApiResponse.class, OrderSummary.class));

        assertThat(response.success()).isTrue();
        assertThat(response.errorDetails()).isNull();
        assertThat(response.data().orderNumber()).isEqualTo("SF260314-7K3QX9");
    }

    @Test
    void errorEnvelopeRoundTripsWithItsDetails() {
        ApiResponse<OrderSummary> response = roundTrip("web/ApiResponse-error.json",
                mapper.getTypeFactory().constructParametricType(ApiResponse.class, OrderSummary.class));

        assertThat(response.success()).isFalse();
        assertThat(response.data()).isNull();
        assertThat(response.errorDetails().code()).isEqualTo(ErrorCode.OUT_OF_STOCK);
        assertThat(response.errorDetails().fields()).containsEntry("lines[0].quantity", "남은 재고는 1개입니다.");
        assertThat(response.errorDetails().traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void pageEnvelopeRoundTripsWithoutACursor() {
        JavaType page = mapper.getTypeFactory().constructParametricType(PageResponse.class, ProductSummary.class);
        ApiResponse<PageResponse<ProductSummary>> response = roundTrip("web/Page.json",
                mapper.getTypeFactory().constructParametricType(ApiResponse.class, page));

        assertThat(response.data().content()).extracting(ProductSummary::salePrice).containsExactly(135_150L, 24_900L);
        assertThat(response.data().page()).isEqualTo(new PageResponse.PageMeta(2, 0, 5, 3));
        assertThat(response.data().nextCursor()).isNull();
    }

    @Test
    void pageOfCountsTotalPagesRoundingUp() {
        assertThat(PageResponse.of(List.of(), 2, 0, 5).page().totalPages()).isEqualTo(3);
        assertThat(PageResponse.of(List.of(), 2, 0, 4).page().totalPages()).isEqualTo(2);
        assertThat(PageResponse.of(List.of(), 0, 0, 0).page().totalPages()).isZero();
    }

    /** Reads a golden file and checks that writing it back gives the same JSON. */
    private <T> ApiResponse<T> roundTrip(String path, JavaType type) {
        String golden = GoldenFiles.read(path);

        ApiResponse<T> response = mapper.readValue(golden, type);

        JsonNode written = mapper.readTree(mapper.writeValueAsString(response));
        assertThat(written).isEqualTo(mapper.readTree(golden));
        return response;
    }
}

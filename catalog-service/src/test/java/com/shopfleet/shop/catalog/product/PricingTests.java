package com.shopfleet.shop.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.shopfleet.shop.support.error.ShopException;

class PricingTests {

    @Test
    void theSalePriceIsRoundedDownToTheWon() {
        assertThat(Pricing.salePrice(159_000, 15)).isEqualTo(135_150);
        assertThat(Pricing.salePrice(10_001, 33)).isEqualTo(6_700); // 6,700.67
        assertThat(Pricing.salePrice(999, 10)).isEqualTo(899); // 899.1
        assertThat(Pricing.salePrice(19_900, 0)).isEqualTo(19_900);
        assertThat(Pricing.salePrice(100, 90)).isEqualTo(10);
        assertThat(Pricing.salePrice(Pricing.MAX_PRICE, 90)).isEqualTo(10_000_000);
    }

    @Test
    void pricesAndDiscountsOutsideTheirRangesAreRefused() {
        assertThatThrownBy(() -> Pricing.salePrice(99, 0)).isInstanceOf(ShopException.class);
        assertThatThrownBy(() -> Pricing.salePrice(Pricing.MAX_PRICE + 1, 0)).isInstanceOf(ShopException.class);
        assertThatThrownBy(() -> Pricing.salePrice(10_000, 91)).isInstanceOf(ShopException.class);
        assertThatThrownBy(() -> Pricing.salePrice(10_000, -1)).isInstanceOf(ShopException.class);
    }
}

package com.shopfleet.shop.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.shopfleet.shop.catalog.product.Pricing;
import com.shopfleet.shop.catalog.product.ProductStatus;

class DemoCatalogTests {

    @Test
    void theDemoCatalogIsTheSameEveryTime() {
        assertThat(DemoCatalog.plan()).isEqualTo(DemoCatalog.plan());
    }

    @Test
    void itHasAboutTwoHundredKoreanProductsInSixCategories() {
        List<DemoCatalog.PlannedProduct> plan = DemoCatalog.plan();

        assertThat(plan).hasSize(208);
        assertThat(plan.stream().map(DemoCatalog.PlannedProduct::top).collect(Collectors.toSet())).hasSize(6);
        assertThat(DemoCatalog.TREE.stream().mapToInt(top -> top.leaves().size()).sum()).isEqualTo(16);
        assertThat(plan).allSatisfy(product -> {
            assertThat(product.name()).containsPattern("[가-힣]");
            assertThat(product.price()).isBetween(Pricing.MIN_PRICE, Pricing.MAX_PRICE);
            assertThat(product.price() % 100).as("real-looking prices end in 900").isZero();
            assertThat(product.discountRate()).isBetween(0, Pricing.MAX_DISCOUNT_RATE);
        });
        assertThat(plan).anySatisfy(product -> assertThat(product.discountRate()).isPositive());
        assertThat(plan).anySatisfy(product -> assertThat(product.stock()).isZero());
        assertThat(plan).anySatisfy(product -> assertThat(product.status()).isEqualTo(ProductStatus.HIDDEN));
    }
}

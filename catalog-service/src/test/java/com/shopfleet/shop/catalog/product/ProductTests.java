package com.shopfleet.shop.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;

class ProductTests {

    static ProductDraft draft(ProductStatus status) {
        return new ProductDraft("  무선 이어폰 Pro ", "오디오랩", 31, " /images/p.webp ", List.of("/images/p-2.webp"),
                "좋은\r\n이어폰\u0007", 159_000, 15, status);
    }

    @Test
    void aNewProductIsListedWithItsSalePriceAndInitialStock() {
        Product product = Product.create(draft(ProductStatus.ON_SALE), 20, Instant.now());

        assertThat(product.listed()).isTrue();
        assertThat(product.salePrice()).isEqualTo(135_150);
        assertThat(product.stockInitial()).isEqualTo(20);
        assertThat(product.stockAvailable()).isEqualTo(20);
        assertThat(product.name()).isEqualTo("무선 이어폰 Pro");
        assertThat(product.titleImage()).isEqualTo("/images/p.webp");
        assertThat(product.description()).isEqualTo("좋은\n이어폰");
    }

    @Test
    void keywordsAreMatchedAgainstLowerCasedNameAndBrand() {
        assertThat(Product.searchText("무선 이어폰 Pro", "AudioLab")).isEqualTo("무선 이어폰 pro audiolab");
    }

    @Test
    void hidingOrDeletingTakesItOffTheListings() {
        Product product = Product.create(draft(ProductStatus.ON_SALE), 20, Instant.now());

        product.revise(draft(ProductStatus.HIDDEN), Instant.now());
        assertThat(product.listed()).isFalse();

        product.revise(draft(ProductStatus.SOLD_OUT), Instant.now());
        assertThat(product.listed()).as("sold out products stay listed").isTrue();

        product.delete(Instant.now());
        assertThat(product.listed()).isFalse();
        assertThat(product.deleted()).isTrue();
    }

    @Test
    void aDeletedProductCannotBeChangedOrDeletedAgain() {
        Product product = Product.create(draft(ProductStatus.ON_SALE), 20, Instant.now());
        product.delete(Instant.now());

        assertThatThrownBy(() -> product.revise(draft(ProductStatus.ON_SALE), Instant.now()))
                .isInstanceOfSatisfying(ShopException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> product.delete(Instant.now())).isInstanceOf(ShopException.class);
    }

    @Test
    void theEffectiveStatusFollowsTheStock() {
        assertThat(ProductStatus.effective(ProductStatus.ON_SALE, 3)).isEqualTo(ProductStatus.ON_SALE);
        assertThat(ProductStatus.effective(ProductStatus.ON_SALE, 0)).isEqualTo(ProductStatus.SOLD_OUT);
        assertThat(ProductStatus.effective(ProductStatus.SOLD_OUT, 3)).isEqualTo(ProductStatus.SOLD_OUT);
        assertThat(ProductStatus.effective(ProductStatus.HIDDEN, 0)).isEqualTo(ProductStatus.HIDDEN);
    }
}

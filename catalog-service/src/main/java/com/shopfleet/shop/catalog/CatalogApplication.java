package com.shopfleet.shop.catalog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Products, categories, search, stock, reviews and wishlists. Features ({@code category},
 * {@code product}, {@code stock}, {@code review}, {@code wishlist}, {@code storefront}, {@code inbox},
 * {@code caching}, {@code demo}) are Spring Modulith modules; {@code ModularityTests} keeps them apart.
 */
@SpringBootApplication
@EnableConfigurationProperties(CatalogProperties.class)
public class CatalogApplication {

    public static void main(String[] args) {
        SpringApplication.run(CatalogApplication.class, args);
    }
}

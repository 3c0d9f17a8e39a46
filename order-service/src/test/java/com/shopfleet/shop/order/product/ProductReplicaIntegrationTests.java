package com.shopfleet.shop.order.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.node.ObjectNode;

import com.shopfleet.shop.contracts.GoldenFiles;
import com.shopfleet.shop.contracts.events.Topics;
import com.shopfleet.shop.order.testing.IntegrationTest;

class ProductReplicaIntegrationTests extends IntegrationTest {

    @Autowired
    Products products;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BindingsLifecycleController bindings;

    @Test
    void theReplicaKeepsTheNewestStateOfEveryProduct() {
        long id = newId();
        publish(id, "첫 이름", 10_000, "ON_SALE", false, 3);
        publish(id, "새 이름", 9_000, "ON_SALE", false, 5);
        publish(id, "늦게 온 옛 이름", 1_000, "HIDDEN", false, 4);

        await().atMost(Duration.ofSeconds(20)).until(() -> known(id) && products.byIds(List.of(id)).get(id)
                .aggregateVersion() == 5);
        publish(id, "마지막 이름", 8_000, "SOLD_OUT", false, 6);
        await().atMost(Duration.ofSeconds(20)).until(() -> products.byIds(List.of(id)).get(id)
                .aggregateVersion() == 6);

        Product product = products.byIds(List.of(id)).get(id);
        assertThat(product.name()).isEqualTo("마지막 이름");
        assertThat(product.salePrice()).isEqualTo(8_000);
        assertThat(product.availability()).isEqualTo(ProductAvailability.SOLD_OUT);
    }

    @Test
    void theGoldenProductIsReadAndADeletionKeepsItAsUnavailable() {
        send(Topics.CATALOG_PRODUCT, (ObjectNode) jsonMapper.readTree(GoldenFiles.eventJson("ProductChanged")));
        await().atMost(Duration.ofSeconds(20)).until(() -> known(2001));
        assertThat(products.byIds(List.of(2001L)).get(2001L).salePrice()).isEqualTo(135_150);

        long id = newId();
        publish(id, "삭제될 상품", 5_000, "ON_SALE", false, 1);
        publish(id, "삭제될 상품", 5_000, "ON_SALE", true, 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> known(id)
                && products.byIds(List.of(id)).get(id).availability() == ProductAvailability.DELETED);
    }

    @Test
    void aWipedReplicaIsRebuiltFromTheStartOfTheTopic() {
        long id = newId();
        publish(id, "재구축 상품", 7_000, "ON_SALE", false, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> known(id));

        jdbc.update("DELETE FROM product_replica");
        bindings.stop("productEvents-in-0");
        bindings.start("productEvents-in-0");

        await().atMost(Duration.ofSeconds(30)).until(() -> known(id));
        assertThat(products.byIds(List.of(id)).get(id).salePrice()).isEqualTo(7_000);
    }

    @Test
    void anOlderStateNeverOverwritesANewerOne() {
        long id = newId();
        Instant now = Instant.now();
        assertThat(replica.apply(product(id, "v2", 2_000, "ON_SALE", false), 2, now, 0)).isTrue();
        assertThat(replica.apply(product(id, "v1", 1_000, "ON_SALE", false), 1, now.plusSeconds(5), 0)).isFalse();
        assertThat(replica.apply(product(id, "v2 again", 2_000, "ON_SALE", false), 2, now.minusSeconds(1), 0)).isFalse();
        assertThat(replica.apply(product(id, "v2 later", 2_500, "ON_SALE", false), 2, now.plusSeconds(1), 0)).isTrue();
        assertThat(products.byIds(List.of(id)).get(id).name()).isEqualTo("v2 later");
    }

    private void publish(long id, String name, long salePrice, String status, boolean deleted, long version) {
        ObjectNode envelope = golden("ProductChanged", id);
        envelope.put("aggregateVersion", version);
        ((ObjectNode) envelope.get("payload")).put("productId", id).put("name", name).put("salePrice", salePrice)
                .put("status", status).put("deleted", deleted);
        send(Topics.CATALOG_PRODUCT, envelope);
    }

    private boolean known(long id) {
        return products.byIds(List.of(id)).containsKey(id);
    }
}

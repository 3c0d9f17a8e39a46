package com.shopfleet.shop.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import com.shopfleet.shop.contracts.GoldenFiles;
import com.shopfleet.shop.contracts.events.order.OrderLine;
import com.shopfleet.shop.contracts.events.order.OrderPlaced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventRoundTripTests {

    private final JsonMapper mapper = JsonMapper.builder().build();

    static Stream<String> eventTypes() {
        return EventTypes.all().stream().map(EventType::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void goldenEnvelopeReadsIntoItsPayloadAndWritesBackUnchanged(String type) {
        EventType<?> registered = EventTypes.find(type).orElseThrow();

        EventEnvelope<IntegrationEvent> envelope = GoldenFiles.event(type, mapper);

        assertThat(envelope.payload()).isInstanceOf(registered.payloadClass());
        assertThat(envelope.type()).isEqualTo(type).isEqualTo(envelope.payload().type());
        assertThat(envelope.payload().topic()).isEqualTo(registered.topic());
        assertThat(envelope.aggregateId()).isEqualTo(envelope.payload().aggregateId());
        assertThat(envelope.schemaVersion()).isEqualTo(envelope.payload().schemaVersion());
        assertThat(tree(mapper.writeValueAsString(envelope))).isEqualTo(tree(GoldenFiles.eventJson(type)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void payloadJsonCarriesNoneOfTheEventsOwnAccessors(String type) {
        EventEnvelope<IntegrationEvent> envelope = GoldenFiles.event(type, mapper);

        JsonNode payload = tree(mapper.writeValueAsString(envelope.payload()));

        assertThat(payload.propertyNames()).isNotEmpty()
                .doesNotContain("type", "topic", "aggregateId", "schemaVersion");
    }

    @Test
    void everyGoldenEventFileIsARegisteredType() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(getClass().getClassLoader().getResource("golden/events")).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<String> types = files.map(file -> file.getFileName().toString().replaceFirst("\\.json$", ""))
                    .toList();

            assertThat(types).containsExactlyInAnyOrderElementsOf(eventTypes().toList());
        }
    }

    @Test
    void unknownFieldsAreIgnoredEvenByAStrictMapper() {
        JsonMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        ObjectNode golden = (ObjectNode) tree(GoldenFiles.eventJson(OrderPlaced.TYPE));
        golden.put("partition", 3);
        ObjectNode payload = (ObjectNode) golden.get("payload");
        payload.put("couponCode", "WELCOME10");
        ((ObjectNode) payload.get("lines").get(0)).put("optionName", "블랙");
        ((ObjectNode) payload.get("amounts")).put("couponDiscount", 0);

        EventEnvelope<OrderPlaced> envelope = strict.readValue(strict.writeValueAsString(golden),
                strict.getTypeFactory().constructParametricType(EventEnvelope.class, OrderPlaced.class));

        assertThat(envelope.payload().lines()).extracting(OrderLine::productName)
                .containsExactly("노이즈캔슬링 무선 이어폰", "고속 충전 보조배터리 10000mAh");
        assertThat(envelope.payload().amounts().paymentAmount()).isEqualTo(179_950);
    }

    private JsonNode tree(String json) {
        return mapper.readTree(json);
    }
}

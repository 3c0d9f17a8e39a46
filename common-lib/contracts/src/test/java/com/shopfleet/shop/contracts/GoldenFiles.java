package com.shopfleet.shop.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.shopfleet.shop.contracts.events.EventEnvelope;
import com.shopfleet.shop.contracts.events.EventType;
import com.shopfleet.shop.contracts.events.EventTypes;
import com.shopfleet.shop.contracts.events.IntegrationEvent;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The golden JSON files of the contracts, for this module's tests and for the producer and consumer
 * tests of the services (they depend on this module's test-jar): {@code golden/events/<Type>.json}
 * holds one complete envelope per event type, {@code golden/web/} the response envelope.
 */
public final class GoldenFiles {

    private GoldenFiles() {
    }

    /** A golden file's text, by its path under {@code golden/}, e.g. {@code web/Page.json}. */
    public static String read(String path) {
        String resource = "golden/" + path;
        try (InputStream in = GoldenFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden envelope of an event type, as JSON text. */
    public static String eventJson(String type) {
        return read("events/" + type + ".json");
    }

    /** The golden envelope of an event type, read into its registered payload class. */
    public static <P extends IntegrationEvent> EventEnvelope<P> event(String type, JsonMapper mapper) {
        EventType<?> eventType = EventTypes.find(type)
                .orElseThrow(() -> new IllegalArgumentException("unregistered event type " + type));
        JavaType envelopeType = mapper.getTypeFactory()
                .constructParametricType(EventEnvelope.class, eventType.payloadClass());
        return mapper.readValue(eventJson(type), envelopeType);
    }
}

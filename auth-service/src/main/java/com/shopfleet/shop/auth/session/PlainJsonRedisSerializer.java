package com.shopfleet.shop.auth.session;

import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Session hash values as plain JSON without type information (docs/identity-flow.md): numbers for
 * Spring Session's own fields, strings for the contract attributes, so the reactive gateway reads
 * them without auth-service's classes. Reading gives back what JSON holds: {@code String},
 * {@code Integer}/{@code Long}, {@code Boolean}.
 */
final class PlainJsonRedisSerializer implements RedisSerializer<Object> {

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public byte[] serialize(Object value) {
        if (value == null) {
            return new byte[0];
        }
        try {
            return json.writeValueAsBytes(value);
        }
        catch (JacksonException ex) {
            throw new SerializationException("Cannot write a session value as JSON", ex);
        }
    }

    @Override
    public Object deserialize(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            return json.readValue(bytes, Object.class);
        }
        catch (JacksonException ex) {
            throw new SerializationException("A session value is not JSON", ex);
        }
    }

    /** The JSON text of a value, as it is stored in a session hash. */
    String toJson(Object value) {
        return json.writeValueAsString(value);
    }
}

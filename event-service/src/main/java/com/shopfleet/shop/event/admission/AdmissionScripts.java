package com.shopfleet.shop.event.admission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts of admission (src/main/resources/lua), run with EVALSHA. Read once: a script
 * made from a resource checks the resource's last-modified time on every call (a class-path lookup
 * per entry, seen in the load test's profile).
 */
public final class AdmissionScripts {

    @SuppressWarnings("rawtypes")
    static final RedisScript<List> ENTER = script("lua/enter.lua", List.class);

    static final RedisScript<Long> LOAD = script("lua/load.lua", Long.class);

    static final RedisScript<Long> RESTORE = script("lua/restore.lua", Long.class);

    private AdmissionScripts() {
    }

    /** A script from the class path, read once. */
    public static <T> RedisScript<T> script(String path, Class<T> resultType) {
        try {
            return RedisScript.of(new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8), resultType);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + path, ex);
        }
    }
}

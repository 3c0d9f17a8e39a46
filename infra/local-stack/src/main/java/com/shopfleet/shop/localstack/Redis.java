package com.shopfleet.shop.localstack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import redis.embedded.core.ExecutableProvider;

/**
 * A real redis-server: the binary shipped inside embedded-redis, run as a child process
 * (not through embedded-redis' own runner, so it is logged, listed and stopped like the rest).
 */
final class Redis {

    static final String NAME = "redis";

    private Redis() {
    }

    static ProcessSpec spec(StackContext context) {
        return new ProcessSpec(NAME, context.redisPort(), List.of(), Redis::command,
                ctx -> Probes.redisPing(ctx.redisPort()), Duration.ofSeconds(30));
    }

    private static ProcessSpec.Command command(StackContext context) throws Exception {
        Path dir = Files.createDirectories(context.dataDir().resolve("redis"));
        Path binDir = Files.createDirectories(dir.resolve("bin"));
        // extracted on each start (a few ms); embedded-redis deletes it when the launcher exits
        File executable = ExecutableProvider.newJarResourceProvider(binDir.toFile()).get();
        return new ProcessSpec.Command(List.of(
                executable.getAbsolutePath(),
                "--port", Integer.toString(context.redisPort()),
                "--bind", "127.0.0.1",
                "--dir", dir.toString(),
                "--appendonly", "yes",
                "--appendfsync", "everysec",
                "--daemonize", "no",
                "--logfile", ""), Map.of());
    }
}

package com.shopfleet.shop.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The processes of the local stack, in one place. To add one (an SMTP server, a demo-data
 * step…), add a {@link ProcessSpec} to {@link #standard(StackContext)} and name what it needs
 * in its {@code dependsOn}; to hand a service a setting, add an environment variable to
 * {@link StackContext#serviceEnvironment()} or to that service's {@code extraEnv}.
 */
public final class Fleet {

    /**
     * A Spring Boot service module: {@code <module>/target/<module>.jar}, run with profile {@code local}
     * on the stack's port base plus {@code offset} (8080 + offset by default).
     */
    public record Service(String module, int offset) {

        public int port(int portBase) {
            return portBase + offset;
        }

        /** The environment variable that tells the gateway where this service is. */
        String gatewayUriVariable() {
            return "SHOP_GATEWAY_" + module.replace("-service", "").replace("-worker", "").toUpperCase() + "_URI";
        }
    }

    public static final String REDIS = Redis.NAME;
    public static final String KAFKA = Kafka.NAME;
    public static final Service GATEWAY = new Service("gateway", 0);
    public static final String AUTH = "auth-service";
    public static final String NOTIFICATION = "notification-worker";

    /** Started in parallel once Redis and Kafka are ready. */
    public static final List<Service> BACKEND_SERVICES = List.of(
            new Service(AUTH, 1),
            new Service("catalog-service", 2),
            new Service("order-service", 3),
            new Service("event-service", 4),
            new Service(NOTIFICATION, 5));

    /** The gateway or backend service named {@code module}. */
    public static Service service(String module) {
        if (GATEWAY.module().equals(module)) {
            return GATEWAY;
        }
        return BACKEND_SERVICES.stream().filter(s -> s.module().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + module));
    }

    public static final String READINESS_PATH = "/actuator/health/readiness";

    private Fleet() {
    }

    /** Redis and Kafka, then the backend services in parallel, then the gateway. */
    public static List<ProcessSpec> standard(StackContext context) {
        List<ProcessSpec> specs = new ArrayList<>();
        specs.add(Redis.spec(context));
        specs.add(Kafka.spec(context));
        List<String> backends = new ArrayList<>();
        Map<String, String> gatewayEnv = new LinkedHashMap<>();
        for (Service service : BACKEND_SERVICES) {
            specs.add(springBootJar(service, List.of(REDIS, KAFKA), Map.of(), context));
            backends.add(service.module());
            gatewayEnv.put(service.gatewayUriVariable(), "http://localhost:" + context.port(service));
        }
        List<String> gatewayNeeds = new ArrayList<>(List.of(REDIS));
        gatewayNeeds.addAll(backends);
        specs.add(springBootJar(GATEWAY, gatewayNeeds, gatewayEnv, context));
        return specs;
    }

    /** A service from its executable jar, ready when its readiness endpoint answers 200. */
    public static ProcessSpec springBootJar(Service service, List<String> dependsOn, Map<String, String> extraEnv,
            StackContext context) {
        Map<String, String> env = new LinkedHashMap<>(extraEnv);
        if (service.module().equals(AUTH)) {
            env.putAll(context.demoAccounts().environment());
        }
        return springBootProcess(service.module(), context.port(service), dependsOn, env,
                ctx -> List.of("-jar", serviceJar(ctx, service.module()).toString()),
                context.options().serviceTimeout());
    }

    /**
     * A Spring Boot–style JVM: the service JVM flags, {@link StackContext#serviceEnvironment()}
     * plus {@code SERVER_PORT} and {@code extraEnv}, readiness on {@value #READINESS_PATH}.
     *
     * @param main what follows the JVM flags: {@code -jar x.jar}, or a main class and its arguments
     */
    public static ProcessSpec springBootProcess(String name, int port, List<String> dependsOn,
            Map<String, String> extraEnv, Function<StackContext, List<String>> main, Duration readyTimeout) {
        String readinessUrl = "http://127.0.0.1:" + port + READINESS_PATH;
        return new ProcessSpec(name, port, dependsOn,
                ctx -> {
                    Map<String, String> env = new LinkedHashMap<>(ctx.serviceEnvironment());
                    env.put("SERVER_PORT", Integer.toString(port));
                    env.putAll(extraEnv);
                    return new ProcessSpec.Command(jvm(ctx, ctx.options().serviceJvmOptions(), main.apply(ctx)), env);
                },
                ctx -> Probes.http200(readinessUrl),
                readyTimeout);
    }

    /**
     * A child JVM command on the launcher's own runtime; the system property
     * {@code shop.local-stack.data-dir} marks it as ours (to find leftovers of a crashed run).
     */
    public static List<String> jvm(StackContext context, List<String> jvmOptions, List<String> main) {
        List<String> argv = new ArrayList<>();
        argv.add(context.javaCommand());
        argv.addAll(jvmOptions);
        argv.add("-Dshop.local-stack.data-dir=" + context.dataDir());
        argv.addAll(main);
        return argv;
    }

    static Path serviceJar(StackContext context, String module) {
        Path jar = context.repoRoot().resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new LocalStackException(jar + " is missing. Build the fleet first: ./mvnw -q -B install -DskipTests"
                    + " (infra/local-stack/run does it unless given --no-build)");
        }
        return jar;
    }
}

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stands in for a Spring Boot service in LocalStackServicesTests (run with `java FakeService.java`):
 * answers the readiness endpoint, shows the environment it got, and starts a child process
 * the stack must stop as well. With the argument "fail" it dies at once.
 */
public class FakeService {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("fail")) {
            System.out.println("boom: the fake service cannot start");
            System.exit(3);
        }
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        Process child = new ProcessBuilder("sleep", "300").start();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/actuator/health/readiness", exchange -> respond(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/env", exchange -> {
            Map<String, String> shown = new TreeMap<>();
            System.getenv().forEach((key, value) -> {
                if (key.startsWith("SPRING_") || key.startsWith("SHOP_") || key.equals("SERVER_PORT")) {
                    shown.put(key, value);
                }
            });
            shown.put("child.pid", Long.toString(child.pid()));
            shown.put("data-dir.property", System.getProperty("shop.local-stack.data-dir"));
            StringBuilder body = new StringBuilder();
            shown.forEach((key, value) -> body.append(key).append('=').append(value).append('\n'));
            respond(exchange, body.toString());
        });
        server.start();
        System.out.println("fake service up on " + port);
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}

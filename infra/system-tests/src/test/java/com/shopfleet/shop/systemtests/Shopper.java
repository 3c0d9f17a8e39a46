package com.shopfleet.shop.systemtests;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.testsupport.BrowserCredentials;

/**
 * A browser at the storefront: keeps its cookies, sends the CSRF header axios would send, and
 * builds login credentials the way the storefront's WebCrypto code does.
 */
final class Shopper {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String userAgent;

    Shopper() {
        this("Mozilla/5.0 (system test)");
    }

    /** A browser identifying itself as {@code userAgent} (devices are told apart by it). */
    Shopper(String userAgent) {
        this.userAgent = userAgent;
    }

    Http.Reply get(String path) {
        return send(request(path).GET());
    }

    Http.Reply post(String path, Object body) {
        return send(json(request(path), body, "POST"));
    }

    Http.Reply patch(String path, Object body) {
        return send(json(request(path), body, "PATCH"));
    }

    Http.Reply delete(String path) {
        return send(request(path).DELETE());
    }

    /** A raw body, e.g. malformed JSON. */
    Http.Reply postRaw(String path, String body) {
        return send(request(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)));
    }

    Http.Reply send(HttpRequest.Builder request) {
        if (cookie("XSRF-TOKEN") == null) {
            // as a storefront's first page load: any gateway response issues the XSRF-TOKEN cookie
            Http.send(client, request("/api/auth/public-key").GET().build());
        }
        String xsrf = cookie("XSRF-TOKEN");
        if (xsrf != null) {
            request.setHeader("X-XSRF-TOKEN", xsrf);
        }
        return Http.send(client, request.build());
    }

    String credentials(String email, String password) {
        JsonNode key = get("/api/auth/public-key").body().get("data");
        return BrowserCredentials.encrypt(key.get("keyId").asString(), key.get("publicKey").asString(), email, password);
    }

    Http.Reply signup(String email, String password, String name, String phone) {
        return post("/api/auth/signup", Map.of("email", email, "name", name, "phone", phone, "locale", "ko",
                "consents", Map.of("age14", true, "terms", true, "privacy", true, "marketing", false),
                "credentials", credentials(email, password)));
    }

    Http.Reply login(String email, String password, boolean rememberMe) {
        return post("/api/auth/login", Map.of("credentials", credentials(email, password), "rememberMe", rememberMe));
    }

    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Forgets a cookie, as a browser does when it expires. */
    void dropCookie(String name) {
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).toList()
                .forEach(c -> cookies.getCookieStore().remove(URI.create(RunningFleet.GATEWAY), c));
    }

    /** Sets a cookie as a (possibly stale) browser still holds it. */
    void setCookie(String name, String value) {
        dropCookie(name);
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(RunningFleet.GATEWAY), cookie);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(RunningFleet.GATEWAY + path)).header("Accept", "application/json")
                .header("User-Agent", userAgent);
    }

    private static HttpRequest.Builder json(HttpRequest.Builder request, Object body, String method) {
        return request.header("Content-Type", "application/json")
                .method(method, BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
}

package com.shopfleet.shop.gateway.routing;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Route filter {@code OpenApiDocs} for the proxied {@code /v3/api-docs/<service>} documents: drops
 * their {@code servers} list. A service generates it from the request it sees (its own host and
 * port), which would make Swagger UI's "Try it out" bypass the gateway; without it Swagger UI calls
 * the origin it loaded the document from — the gateway. Anything that is not a JSON object passes
 * unchanged.
 */
class OpenApiDocsGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private final GatewayFilter filter;

    OpenApiDocsGatewayFilterFactory(ModifyResponseBodyGatewayFilterFactory modifyResponseBody, JsonMapper jsonMapper) {
        super(Object.class);
        this.filter = modifyResponseBody.apply(new ModifyResponseBodyGatewayFilterFactory.Config()
                .setRewriteFunction(byte[].class, byte[].class, (exchange, body) -> Mono.just(withoutServers(body, jsonMapper))));
    }

    @Override
    public GatewayFilter apply(Object config) {
        return filter;
    }

    @Override
    public String name() {
        return "OpenApiDocs";
    }

    static byte[] withoutServers(byte[] body, JsonMapper jsonMapper) {
        try {
            JsonNode document = jsonMapper.readTree(body);
            if (document instanceof ObjectNode object && object.has("servers")) {
                object.remove("servers");
                return jsonMapper.writeValueAsBytes(object);
            }
        }
        catch (JacksonException notJson) {
            // not an OpenAPI document (e.g. an error page): pass it through
        }
        return body;
    }
}

package com.shopfleet.shop.contracts.identity;

/**
 * The internal identity token the gateway mints for every routed request (CONTRACTS §3): a JWT in
 * the {@value #HEADER} header, {@code exp} 60 s, {@code aud} = the target service.
 */
public final class IdentityToken {

    public static final String HEADER = "X-Shop-Identity";
    public static final String ISSUER = "shop-gateway";

    public static final String CLAIM_ROLE = "role";
    public static final String CLAIM_NAME = "name";
    public static final String CLAIM_LOCALE = "locale";
    public static final String CLAIM_CLIENT_IP = "clientIp";
    public static final String CLAIM_SESSION_ID = "sid";
    public static final String CLAIM_AUTH_TIME = "authTime";

    private IdentityToken() {
    }
}

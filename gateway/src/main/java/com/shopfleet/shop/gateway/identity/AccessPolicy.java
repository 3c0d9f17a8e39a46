package com.shopfleet.shop.gateway.identity;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import com.shopfleet.shop.contracts.identity.Role;
import com.shopfleet.shop.gateway.RequestRule;
import com.shopfleet.shop.support.identity.ShopIdentity;

/**
 * Who may use an API path (CONTRACTS §3). Staff paths need a rank — {@code /api/admin/**} MANAGER,
 * except {@code /api/admin/products/**} and {@code /api/admin/categories/**} (SELLER) and
 * {@code /api/admin/users/**} (ADMIN), the most specific pattern winning — whatever the public list
 * says. Otherwise the configured public rules let anyone in, and everything else needs a signed-in
 * user. Services check roles again themselves; this keeps the obviously unauthorized away from them.
 */
public class AccessPolicy {

    /** The contract's staff paths, most specific first. */
    static final Map<String, Role> STAFF_PATHS = Map.of(
            "/api/admin/**", Role.MANAGER,
            "/api/admin/products/**", Role.SELLER,
            "/api/admin/categories/**", Role.SELLER,
            "/api/admin/users/**", Role.ADMIN);

    private final List<Map.Entry<PathPattern, Role>> staff;
    private final List<RequestRule> publicRules;

    public AccessPolicy(List<String> publicRules) {
        PathPatternParser parser = new PathPatternParser();
        this.staff = STAFF_PATHS.entrySet().stream()
                .map(entry -> Map.entry(parser.parse(entry.getKey()), entry.getValue()))
                .sorted(Comparator.comparing(Map.Entry::getKey, PathPattern.SPECIFICITY_COMPARATOR))
                .toList();
        this.publicRules = publicRules.stream().map(RequestRule::parse).toList();
    }

    public Decision decide(HttpMethod method, PathContainer path, ShopIdentity identity) {
        for (Map.Entry<PathPattern, Role> rule : staff) {
            if (rule.getKey().matches(path)) {
                if (identity == null) {
                    return Decision.UNAUTHENTICATED;
                }
                return identity.hasRole(rule.getValue()) ? Decision.ALLOWED : Decision.FORBIDDEN;
            }
        }
        if (identity != null || publicRules.stream().anyMatch(rule -> rule.matches(method, path))) {
            return Decision.ALLOWED;
        }
        return Decision.UNAUTHENTICATED;
    }

    /** What the gateway does with a request. */
    public enum Decision {
        ALLOWED, UNAUTHENTICATED, FORBIDDEN
    }
}

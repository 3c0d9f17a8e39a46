package com.shopfleet.shop.support.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import com.shopfleet.shop.contracts.identity.IdentityToken;

/**
 * Authenticates a request from the gateway's identity token and from nothing else: no token, or the
 * gateway's anonymous token, means anonymous; a token that is forged, expired or meant for another
 * service is refused with 401. The client address the gateway decided is kept for
 * {@link ClientAddress}.
 */
public class IdentityTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdentityTokenFilter.class);

    private final IdentityTokens tokens;
    private final String audience;
    private final AuthenticationEntryPoint entryPoint;

    public IdentityTokenFilter(IdentityTokens tokens, String audience, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.audience = audience;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader(IdentityToken.HEADER);
        if (token == null || token.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        IdentityTokens.Verified verified;
        try {
            verified = tokens.verifyRequest(token, audience);
        }
        catch (IdentityTokens.InvalidIdentityTokenException ex) {
            log.warn("Refused an identity token on {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new InsufficientAuthenticationException("invalid identity token"));
            return;
        }
        if (verified.clientIp() != null) {
            request.setAttribute(ClientAddress.ATTRIBUTE, verified.clientIp());
        }
        ShopIdentity identity = verified.identity();
        if (identity == null) {
            chain.doFilter(request, response);
            return;
        }
        var authentication = new PreAuthenticatedAuthenticationToken(identity, token,
                List.of(new SimpleGrantedAuthority("ROLE_" + identity.role().name())));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }
}

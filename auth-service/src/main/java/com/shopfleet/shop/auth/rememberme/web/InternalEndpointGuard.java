package com.shopfleet.shop.auth.rememberme.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.shopfleet.shop.contracts.identity.IdentityToken;
import com.shopfleet.shop.contracts.web.ErrorCode;
import com.shopfleet.shop.support.error.ShopException;
import com.shopfleet.shop.support.identity.IdentityTokens;

/**
 * {@code /internal/**} is for the gateway only: it is public in the security chain (the gateway's
 * token there is an anonymous one), so this guard demands a genuine identity token for this service
 * before anything of the request is read. Only the gateway holds the signing key.
 */
@Configuration(proxyBeanMethods = false)
class InternalEndpointGuard implements WebMvcConfigurer, HandlerInterceptor {

    private final IdentityTokens identityTokens;
    private final String audience;

    InternalEndpointGuard(IdentityTokens identityTokens,
            @Value("${shop.identity.audience:${spring.application.name}}") String audience) {
        this.identityTokens = identityTokens;
        this.audience = audience;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/internal/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String token = request.getHeader(IdentityToken.HEADER);
        if (token == null || token.isBlank()) {
            throw new ShopException(ErrorCode.UNAUTHENTICATED);
        }
        try {
            identityTokens.verifyRequest(token, audience);
        }
        catch (IdentityTokens.InvalidIdentityTokenException ex) {
            throw new ShopException(ErrorCode.UNAUTHENTICATED);
        }
        return true;
    }
}

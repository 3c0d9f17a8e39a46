package com.shopfleet.shop.support.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.support.error.ErrorTranslator;
import com.shopfleet.shop.support.identity.EnvelopeSecurityHandlers;
import com.shopfleet.shop.support.identity.IdentityProperties;
import com.shopfleet.shop.support.identity.IdentityTokenFilter;
import com.shopfleet.shop.support.identity.IdentityTokens;

/**
 * The internal identity token: {@link IdentityTokens} for minting (gateway) and verifying, and for
 * servlet services the security chain that trusts nothing but a valid token for this service.
 * Endpoints declare their role next to them ({@code @PreAuthorize("hasRole('SELLER')")}); ranks
 * are a hierarchy, ADMIN > MANAGER > SELLER > USER.
 */
@AutoConfiguration(after = ErrorSupportAutoConfiguration.class, beforeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration" })
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityAutoConfiguration {

    static final List<String> ALWAYS_PUBLIC = List.of("/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/error");

    @Bean
    @ConditionalOnMissingBean
    IdentityTokens identityTokens(IdentityProperties properties) {
        return new IdentityTokens(properties.key(), properties.ttl(), properties.clockSkew(), Clock.systemUTC());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(SecurityFilterChain.class)
    @EnableMethodSecurity
    static class ServletSecurity {

        @Bean
        static RoleHierarchy roleHierarchy() {
            return RoleHierarchyImpl.fromHierarchy("""
                    ROLE_ADMIN > ROLE_MANAGER
                    ROLE_MANAGER > ROLE_SELLER
                    ROLE_SELLER > ROLE_USER
                    """);
        }

        @Bean
        EnvelopeSecurityHandlers envelopeSecurityHandlers(ErrorTranslator translator, JsonMapper jsonMapper,
                LocaleResolver localeResolver) {
            return new EnvelopeSecurityHandlers(translator, jsonMapper, localeResolver);
        }

        /** No user store here: identities come only from the token. Keeps Boot from generating a password. */
        @Bean
        @ConditionalOnMissingBean
        UserDetailsService noLocalUsers() {
            return new InMemoryUserDetailsManager();
        }

        @Bean
        @ConditionalOnMissingBean(SecurityFilterChain.class)
        SecurityFilterChain identitySecurityFilterChain(HttpSecurity http, IdentityTokens tokens,
                IdentityProperties properties, EnvelopeSecurityHandlers handlers, Environment environment)
                throws Exception {
            String audience = properties.audience() != null ? properties.audience()
                    : environment.getProperty("spring.application.name", "application");
            List<String> publicPaths = new ArrayList<>(ALWAYS_PUBLIC);
            publicPaths.addAll(properties.publicPaths());
            http.csrf(csrf -> csrf.disable()) // the gateway checks CSRF; services take no cookies
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .httpBasic(basic -> basic.disable())
                    .formLogin(form -> form.disable())
                    .logout(logout -> logout.disable())
                    .requestCache(cache -> cache.disable())
                    .anonymous(anonymous -> {
                    })
                    .addFilterBefore(new IdentityTokenFilter(tokens, audience, handlers), AnonymousAuthenticationFilter.class)
                    .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(handlers)
                            .accessDeniedHandler(handlers))
                    .authorizeHttpRequests(requests -> requests
                            .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                            .requestMatchers(publicPaths.toArray(String[]::new)).permitAll()
                            .anyRequest().authenticated());
            return http.build();
        }
    }
}

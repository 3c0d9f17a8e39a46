package com.shopfleet.shop.support.autoconfigure;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;

import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.support.error.ErrorMessages;
import com.shopfleet.shop.support.error.ErrorTranslator;
import com.shopfleet.shop.support.tracing.CurrentTrace;
import com.shopfleet.shop.support.tracing.TraceIdsOf;
import com.shopfleet.shop.support.web.reactive.ReactiveErrorHandler;
import com.shopfleet.shop.support.web.reactive.TraceIdWebFilter;
import com.shopfleet.shop.support.web.servlet.EnvelopeErrorController;
import com.shopfleet.shop.support.web.servlet.RequestBodyLimitFilter;
import com.shopfleet.shop.support.web.servlet.ServletErrorAdvice;
import com.shopfleet.shop.support.web.servlet.TraceIdFilter;

/**
 * The response envelope and the fleet's error mapping for whichever web stack the application runs:
 * servlet services and the reactive gateway share {@link ErrorTranslator} and the message bundles.
 * Locale: Korean unless the client asks for English ({@code Accept-Language}).
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
        "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration",
        "org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration" })
@EnableConfigurationProperties(WebSupportProperties.class)
public class ErrorSupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ErrorTranslator errorTranslator(ObjectProvider<MessageSource> messageSource) {
        return new ErrorTranslator(new ErrorMessages(messageSource.getIfAvailable()));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Servlet {

        @Bean
        ServletErrorAdvice servletErrorAdvice(ErrorTranslator translator) {
            return new ServletErrorAdvice(translator);
        }

        @Bean
        EnvelopeErrorController envelopeErrorController(ErrorTranslator translator) {
            return new EnvelopeErrorController(translator);
        }

        @Bean(name = "localeResolver")
        LocaleResolver localeResolver() {
            AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
            resolver.setSupportedLocales(ErrorMessages.SUPPORTED_LOCALES);
            resolver.setDefaultLocale(ErrorMessages.DEFAULT_LOCALE);
            return resolver;
        }

        /** After Boot's HTTP server observation filter (which opens the request's span), before everything else. */
        @Bean
        FilterRegistrationBean<TraceIdFilter> traceIdFilter(ObjectProvider<CurrentTrace> currentTrace) {
            FilterRegistrationBean<TraceIdFilter> registration = new FilterRegistrationBean<>(
                    new TraceIdFilter(currentTrace.getIfAvailable(() -> CurrentTrace.NONE)));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }

        @Bean
        FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(WebSupportProperties properties,
                ErrorTranslator translator, JsonMapper jsonMapper, LocaleResolver localeResolver) {
            FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                    new RequestBodyLimitFilter(properties.maxBodySize(), translator, jsonMapper, localeResolver));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
            return registration;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class Reactive {

        @Bean
        ReactiveErrorHandler reactiveErrorHandler(ErrorTranslator translator, JsonMapper jsonMapper) {
            return new ReactiveErrorHandler(translator, jsonMapper);
        }

        @Bean
        TraceIdWebFilter traceIdWebFilter() {
            if (ClassUtils.isPresent("io.micrometer.tracing.handler.TracingObservationHandler",
                    ErrorSupportAutoConfiguration.class.getClassLoader())) {
                return new TraceIdWebFilter(TraceIdsOf::observation);
            }
            return new TraceIdWebFilter();
        }

        @Bean(name = "localeContextResolver")
        LocaleContextResolver localeContextResolver() {
            AcceptHeaderLocaleContextResolver resolver = new AcceptHeaderLocaleContextResolver();
            resolver.setSupportedLocales(List.copyOf(ErrorMessages.SUPPORTED_LOCALES));
            resolver.setDefaultLocale(ErrorMessages.DEFAULT_LOCALE);
            return resolver;
        }
    }
}

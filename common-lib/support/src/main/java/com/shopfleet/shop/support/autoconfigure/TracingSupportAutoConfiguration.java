package com.shopfleet.shop.support.autoconfigure;

import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;

import com.shopfleet.shop.support.tracing.CurrentTrace;
import com.shopfleet.shop.support.tracing.CurrentTraces;

/**
 * What the fleet adds to Boot's Micrometer Tracing (W3C {@code traceparent}, see
 * FleetDefaultsEnvironmentPostProcessor for the settings): one {@link CurrentTrace} for the error
 * envelope, {@code X-Trace-Id} and the outbox, and a task decorator that carries the trace (and the
 * MDC) into {@code @Async} work, such as the outbox's externalization after commit.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration")
@ConditionalOnClass(Tracer.class)
public class TracingSupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CurrentTrace currentTrace(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return CurrentTraces.lazily(tracer, propagator);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ContextSnapshotFactory.class)
    static class ContextPropagation {

        @Bean
        @ConditionalOnMissingBean(TaskDecorator.class)
        ContextPropagatingTaskDecorator contextPropagatingTaskDecorator() {
            return new ContextPropagatingTaskDecorator();
        }
    }
}

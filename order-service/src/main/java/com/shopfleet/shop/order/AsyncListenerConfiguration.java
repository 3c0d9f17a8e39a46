package com.shopfleet.shop.order;

import java.util.concurrent.Executor;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The executor of asynchronous event listeners — above all Spring Modulith's externalization of the
 * outbox to Kafka ({@code @ApplicationModuleListener}, after commit): a few platform threads of its
 * own instead of the virtual threads that also serve the requests. On a busy machine a virtual
 * thread waits behind every runnable request for one of the few carrier threads, and that wait was
 * the largest part of POST→CONFIRMED in the checkout benchmark (commit → sent to Kafka: p50 0.7 s,
 * p99 3–5 s, twice per saga); platform threads get their share of the CPU from the OS instead.
 * Not a bean, so Boot's {@code applicationTaskExecutor} (charges, refunds, cart clean-up via
 * {@link AfterCommit}) stays as it is. A publication whose externalization never ran is sent by the
 * outbox relay (or at restart).
 */
@Configuration(proxyBeanMethods = false)
class AsyncListenerConfiguration implements AsyncConfigurer, DisposableBean {

    static final int THREADS = 4;

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    AsyncListenerConfiguration() {
        executor.setCorePoolSize(THREADS);
        executor.setMaxPoolSize(THREADS);
        executor.setThreadNamePrefix("event-listener-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
    }

    @Override
    public Executor getAsyncExecutor() {
        return executor;
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}

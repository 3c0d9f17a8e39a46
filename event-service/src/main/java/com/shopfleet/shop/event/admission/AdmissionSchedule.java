package com.shopfleet.shop.event.admission;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Runs the loader every {@code shop.event.admission.sync-interval}, starting at once. */
@Configuration(proxyBeanMethods = false)
class AdmissionSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AdmissionSchedule.class);

    private final EventLoader loader;
    private final AdmissionProperties properties;

    AdmissionSchedule(EventLoader loader, AdmissionProperties properties) {
        this.loader = loader;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(() -> {
            try {
                loader.syncAll();
            }
            catch (RuntimeException ex) {
                log.warn("The event loader's pass failed (Redis or the database unavailable?): {}", ex.toString());
            }
        }, properties.syncInterval());
    }
}

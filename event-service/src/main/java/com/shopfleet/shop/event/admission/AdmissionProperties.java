package com.shopfleet.shop.event.admission;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shop.event.admission.*}
 *
 * @param preload      how long before opening an event is put into Redis
 * @param syncInterval how often the loader brings Redis in line with the database (new, changed,
 *                     closed events; winners Redis lost; events to release)
 * @param retention    how long after an event ended its Redis keys stay (entry results served from
 *                     Redis); they are released only once every winner is stored
 */
@ConfigurationProperties("shop.event.admission")
public record AdmissionProperties(@DefaultValue("10m") Duration preload, @DefaultValue("5s") Duration syncInterval,
        @DefaultValue("7d") Duration retention) {
}

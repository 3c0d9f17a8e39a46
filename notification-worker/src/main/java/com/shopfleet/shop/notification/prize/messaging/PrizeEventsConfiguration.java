package com.shopfleet.shop.notification.prize.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.shopfleet.shop.contracts.events.prize.PrizeWon;
import com.shopfleet.shop.notification.delivery.EventConsumers;
import com.shopfleet.shop.notification.delivery.NotificationEventConsumer;
import com.shopfleet.shop.notification.prize.PrizeNotifications;

/** {@code shop.event.prize} (binding {@code prizeEvents-in-0}). */
@Configuration(proxyBeanMethods = false)
class PrizeEventsConfiguration {

    @Bean
    NotificationEventConsumer prizeEvents(EventConsumers consumers, PrizeNotifications prizes) {
        return consumers.forFunction("prizeEvents", handlers -> handlers.on(PrizeWon.class, prizes::won));
    }
}

package com.shopfleet.shop.order.points.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.events.prize.PrizeWon;
import com.shopfleet.shop.order.points.PointEntryType;
import com.shopfleet.shop.order.points.PointsWallet;
import com.shopfleet.shop.support.messaging.EventHandlers;
import com.shopfleet.shop.support.messaging.ProcessedEvents;

/**
 * {@code prizeEvents} (group {@code order}, {@code shop.event.prize}): a prize won credits its points.
 * Deduplicated twice: by the envelope's event id (inbox) and by the prize itself
 * ({@code eventId:userId}, the ledger's source key), so a prize re-published under a new event id is
 * still credited once.
 */
@Configuration(proxyBeanMethods = false)
class PrizeEventsConfiguration {

    @Bean
    EventHandlers prizeEvents(ProcessedEvents processed, TransactionTemplate transactions, JsonMapper jsonMapper,
            PointsWallet wallet) {
        return EventHandlers.forGroup("order", processed, transactions, jsonMapper)
                .on(PrizeWon.class, (envelope, won) -> {
                    if (won.prizePoints() > 0) {
                        wallet.credit(won.userId(), won.prizePoints(), PointEntryType.PRIZE,
                                "prize:" + won.aggregateId(), won.eventTitle());
                    }
                })
                .build();
    }
}

package com.shopfleet.shop.order.account.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.contracts.events.auth.UserRegistered;
import com.shopfleet.shop.contracts.events.auth.UserWithdrawn;
import com.shopfleet.shop.order.cart.Carts;
import com.shopfleet.shop.order.order.Orders;
import com.shopfleet.shop.order.points.PointEntryType;
import com.shopfleet.shop.order.points.PointsProperties;
import com.shopfleet.shop.order.points.PointsWallet;
import com.shopfleet.shop.support.messaging.EventHandlers;
import com.shopfleet.shop.support.messaging.ProcessedEvents;

/**
 * {@code userEvents} (group {@code order}, {@code shop.auth.user}): a new user gets the configured
 * signup bonus (once: the ledger's source key is the user); a user who left loses the cart, and
 * their orders the shipping data (closed orders now, open ones when they close).
 */
@Configuration(proxyBeanMethods = false)
class UserEventsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(UserEventsConfiguration.class);

    @Bean
    EventHandlers userEvents(ProcessedEvents processed, TransactionTemplate transactions, JsonMapper jsonMapper,
            PointsWallet wallet, PointsProperties points, Carts carts, Orders orders) {
        return EventHandlers.forGroup("order", processed, transactions, jsonMapper)
                .on(UserRegistered.class, (envelope, registered) -> {
                    if (points.signupBonus() > 0) {
                        wallet.credit(registered.userId(), points.signupBonus(), PointEntryType.SIGNUP_BONUS,
                                "signup:" + registered.userId(), null);
                    }
                })
                .on(UserWithdrawn.class, (envelope, withdrawn) -> {
                    int touched = orders.forgetBuyer(withdrawn.userId());
                    carts.erase(withdrawn.userId());
                    log.info("User {} withdrew: cart erased, shipping data of {} order(s) anonymized or marked",
                            withdrawn.userId(), touched);
                })
                .build();
    }
}

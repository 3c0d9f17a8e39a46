package com.shopfleet.shop.order.payment;

/** How a buyer pays the part of an order that points do not cover. */
public enum PaymentMethod {

    /** 무통장입금: the buyer transfers the amount; staff confirm it, or the order lapses at the deadline. */
    BANK_TRANSFER,
    /** Charged through the payment provider once the stock is reserved. */
    CARD,
    /** 휴대폰 결제: charged through the payment provider like a card. */
    MOBILE;

    /** Whether the provider is charged (rather than waiting for a transfer). */
    public boolean chargedByProvider() {
        return this != BANK_TRANSFER;
    }
}

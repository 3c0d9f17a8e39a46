package com.shopfleet.shop.auth.account;

/** An account is active until its owner withdraws; a withdrawn account keeps only its id. */
public enum UserStatus {
    ACTIVE, WITHDRAWN
}

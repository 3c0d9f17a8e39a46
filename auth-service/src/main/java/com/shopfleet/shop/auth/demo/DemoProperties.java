package com.shopfleet.shop.auth.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shop.auth.demo.*}: the demo accounts of the local profile. Passwords come from the
 * environment; when unset, one is generated and logged once at INFO. No password is committed.
 */
@ConfigurationProperties("shop.auth.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled, Account staff, Account shopper) {

    /** One demo account. */
    public record Account(String email, String name, String phone, String password) {

        @Override
        public String toString() {
            return "Account[email=" + email + ", password=(hidden)]";
        }
    }
}

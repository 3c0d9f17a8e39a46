package com.shopfleet.shop.auth.session;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shop.auth.cookie.*}: how auth-service writes {@code SESSION} and {@code REMEMBER_ME}
 * (always HttpOnly, SameSite=Lax, Path=/).
 *
 * @param secure whether the cookies carry {@code Secure} (true in prod, behind TLS)
 */
@ConfigurationProperties("shop.auth.cookie")
public record CookieProperties(@DefaultValue("false") boolean secure) {
}

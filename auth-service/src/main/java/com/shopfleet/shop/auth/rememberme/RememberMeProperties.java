package com.shopfleet.shop.auth.rememberme;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shop.auth.remember-me.*}.
 *
 * @param validity how long a token lives after its last use (and the cookie's Max-Age)
 * @param rotationGrace how long the token a use just replaced still gets the same answer: parallel
 *        requests of one page that all found their session expired race to exchange the same cookie,
 *        and must not be taken for theft
 */
@ConfigurationProperties("shop.auth.remember-me")
public record RememberMeProperties(@DefaultValue("14d") Duration validity, @DefaultValue("30s") Duration rotationGrace) {
}

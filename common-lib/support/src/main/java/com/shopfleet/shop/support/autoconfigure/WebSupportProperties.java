package com.shopfleet.shop.support.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code shop.web.*}: limits every service applies at its edge.
 *
 * @param maxBodySize the largest request body accepted; larger ones get 413 before they are read
 */
@ConfigurationProperties("shop.web")
public record WebSupportProperties(@DefaultValue("256KB") DataSize maxBodySize) {
}

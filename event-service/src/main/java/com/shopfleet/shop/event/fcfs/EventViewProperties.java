package com.shopfleet.shop.event.fcfs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shop.event.view.*}
 *
 * @param cacheTtl how long an event read by id is served from memory (edits on another instance
 *                 show after at most this long; the remaining quantity always comes from Redis)
 */
@ConfigurationProperties("shop.event.view")
public record EventViewProperties(@DefaultValue("1s") Duration cacheTtl) {
}

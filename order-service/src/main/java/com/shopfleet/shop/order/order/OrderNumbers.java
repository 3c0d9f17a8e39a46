package com.shopfleet.shop.order.order;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Order numbers people can read out on the phone and cannot guess: {@code SF} + the Korean date +
 * six random characters without look-alikes, e.g. {@code SF261126-7K3QX9} (32^6 ≈ 10^9 per day).
 */
@Component
class OrderNumbers {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneId.of("Asia/Seoul"));

    private final SecureRandom random = new SecureRandom();
    private final OrderRepository repository;

    OrderNumbers(OrderRepository repository) {
        this.repository = repository;
    }

    String next(Instant now) {
        for (int attempt = 0; attempt < 5; attempt++) {
            String candidate = candidate(now);
            if (!repository.existsByOrderNumber(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free order number after 5 attempts");
    }

    String candidate(Instant now) {
        StringBuilder number = new StringBuilder("SF").append(DAY.format(now)).append('-');
        for (int i = 0; i < 6; i++) {
            number.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return number.toString();
    }
}

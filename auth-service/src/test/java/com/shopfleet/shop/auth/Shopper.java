package com.shopfleet.shop.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** An object mother for accounts: unique email and phone per call, a valid password. */
record Shopper(String email, String name, String phone, String password, String locale, boolean marketing) {

    static Shopper any() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return new Shopper("shopper." + unique + "@example.com", "김민수", randomPhone(), "Sunny-Day-" + unique, "ko", true);
    }

    static String randomPhone() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "010-" + random.nextInt(1000, 10000) + "-" + random.nextInt(1000, 10000);
    }

    Shopper withEmail(String otherEmail) {
        return new Shopper(otherEmail, name, phone, password, locale, marketing);
    }

    Shopper withPhone(String otherPhone) {
        return new Shopper(email, name, otherPhone, password, locale, marketing);
    }

    Shopper withPassword(String otherPassword) {
        return new Shopper(email, name, phone, otherPassword, locale, marketing);
    }

    Map<String, Object> signupBody(String credentials) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("name", name);
        body.put("phone", phone);
        body.put("locale", locale);
        body.put("consents", Map.of("age14", true, "terms", true, "privacy", true, "marketing", marketing));
        body.put("credentials", credentials);
        return body;
    }
}

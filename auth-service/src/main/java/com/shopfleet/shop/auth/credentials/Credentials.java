package com.shopfleet.shop.auth.credentials;

/** What a browser encrypted: the email and the password (never printed). */
public record Credentials(String email, String password) {

    @Override
    public String toString() {
        return "Credentials[email=" + email + ", password=(hidden)]";
    }
}

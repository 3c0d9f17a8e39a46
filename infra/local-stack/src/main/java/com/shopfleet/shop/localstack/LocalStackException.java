package com.shopfleet.shop.localstack;

/** The stack could not start (or be used); the message says why and where to look. */
public class LocalStackException extends RuntimeException {

    public LocalStackException(String message) {
        super(message);
    }

    public LocalStackException(String message, Throwable cause) {
        super(message, cause);
    }
}

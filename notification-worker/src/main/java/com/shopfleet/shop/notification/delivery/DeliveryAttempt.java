package com.shopfleet.shop.notification.delivery;

/**
 * Which delivery of the current Kafka record this is (the binder's {@code deliveryAttempt}) and how
 * many the binding allows, for the thread handling it: retries and the last attempt (after which a
 * transient failure is dead-lettered) are told apart in the metrics.
 *
 * @param number      1 for the first delivery, 2 for the first retry, …
 * @param maxAttempts the binding's {@code max-attempts}
 */
public record DeliveryAttempt(int number, int maxAttempts) {

    /** Outside a binding (a direct call): a first attempt nothing retries or dead-letters. */
    public static final DeliveryAttempt UNBOUND = new DeliveryAttempt(1, Integer.MAX_VALUE);

    private static final ThreadLocal<DeliveryAttempt> CURRENT = new ThreadLocal<>();

    public static DeliveryAttempt current() {
        DeliveryAttempt attempt = CURRENT.get();
        return attempt != null ? attempt : UNBOUND;
    }

    /** Runs {@code work} as this attempt on the current thread. */
    public void run(Runnable work) {
        DeliveryAttempt previous = CURRENT.get();
        CURRENT.set(this);
        try {
            work.run();
        }
        finally {
            if (previous == null) {
                CURRENT.remove();
            }
            else {
                CURRENT.set(previous);
            }
        }
    }

    public boolean isRetry() {
        return number > 1;
    }

    /** A transient failure now goes to the dead-letter topic. */
    public boolean isLast() {
        return number >= maxAttempts;
    }
}

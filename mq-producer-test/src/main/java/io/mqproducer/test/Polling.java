package io.mqproducer.test;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition by checking it repeatedly with a short pause, up to a deadline. */
final class Polling {

    private static final long PAUSE_MILLIS = 20;

    private Polling() {
    }

    /**
     * Returns once {@code condition} is true.
     *
     * @throws IllegalStateException with {@code description}'s text if the timeout passes first
     */
    static void await(Duration timeout, BooleanSupplier condition, Supplier<String> description) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("timed out after " + timeout.toMillis() + " ms waiting for "
                        + description.get());
            }
            pause(PAUSE_MILLIS);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}

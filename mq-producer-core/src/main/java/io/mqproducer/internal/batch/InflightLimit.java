package io.mqproducer.internal.batch;

/**
 * How many requests of one topic may be in flight before further sends wait to share a batch. With few overlapping
 * senders the higher limit applies, so nobody waits a round trip the broker did not need; once many senders keep
 * waiting (on average within half a sender of the higher limit, per returning request), the lower limit applies, so
 * the waiting sends pile up into larger batches. It goes back up when, on average, fewer than the lower limit plus a
 * half still wait. Measured: at 4 sync senders a limit of 2 cost 13-19 % throughput, at 16 a limit of 4 cost most of
 * the gain of 2. Not thread-safe: its queue calls it under its own lock.
 */
final class InflightLimit {
    static final int LOW = 2;
    static final int HIGH = 4;

    /** Weight of the newest observation in the running average of waiting senders. */
    private static final double WEIGHT = 0.25;

    private final int low;
    private final int high;
    private int current;
    private double averageWaiting;

    InflightLimit(int low, int high) {
        if (low < 1 || high < low) {
            throw new IllegalArgumentException("limits must satisfy 1 <= low <= high: " + low + ", " + high);
        }
        this.low = low;
        this.high = high;
        this.current = high;
    }

    /** The standard adaptive limit, between {@link #LOW} and {@link #HIGH}. */
    static InflightLimit adaptive() {
        return new InflightLimit(LOW, HIGH);
    }

    int current() {
        return current;
    }

    /** A request returned while {@code waiting} sends were waiting for a slot. */
    void requestReturned(int waiting) {
        averageWaiting += WEIGHT * (waiting - averageWaiting);
        if (current == high && averageWaiting >= high - 0.5) {
            current = low;
        } else if (current == low && averageWaiting < low + 0.5) {
            current = high;
        }
    }
}

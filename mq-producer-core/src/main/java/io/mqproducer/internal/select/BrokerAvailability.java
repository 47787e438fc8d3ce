package io.mqproducer.internal.select;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Latency-aware fault tolerance: a broker that failed, or answered slowly, is avoided for a while that grows
 * with how bad it was; once the while has passed it is tried again, so a recovered broker gets traffic back.
 * Pure bookkeeping with an injected clock: no I/O, no threads.
 */
public final class BrokerAvailability {
    /** Latency thresholds (ms) and how long (ms) a broker answering that slowly is avoided. */
    private static final long[] LATENCY_MILLIS = {100, 550, 1_000, 2_000, 3_000, 15_000};
    private static final long[] AVOID_MILLIS = {0, 1_000, 2_000, 5_000, 10_000, 30_000};
    /** A broker that did not answer at all is avoided as long as a very slow one. */
    static final long FAILURE_AVOID_MILLIS = 10_000;

    /** What a recorded request changed, for the operator log. */
    public enum Change {
        /** Nothing worth telling. */
        NONE,
        /** The broker was fine and is now avoided. */
        AVOIDED,
        /** The broker had been avoided and has now answered promptly. */
        RECOVERED
    }

    private final ConcurrentHashMap<String, Long> avoidUntil = new ConcurrentHashMap<>();
    /** Read only for diagnostics (actuator endpoint); written on every answer. */
    private final ConcurrentHashMap<String, Long> lastLatency = new ConcurrentHashMap<>();
    /** Brokers avoided since they last answered promptly; tells an avoidance that is news from one that is not. */
    private final java.util.Set<String> troubled = ConcurrentHashMap.newKeySet();
    private final LongSupplier clockMillis;

    public BrokerAvailability(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
    }

    public BrokerAvailability() {
        this(System::currentTimeMillis);
    }

    /** Records how a request to {@code broker} went, and says whether that avoided it or brought it back. */
    public Change record(String broker, long latencyMillis, boolean failed) {
        long avoid = avoidance(latencyMillis, failed);
        lastLatency.put(broker, latencyMillis);
        if (avoid == 0) {
            if (!avoidUntil.isEmpty()) { // the usual case on the hot path: nothing to forget
                avoidUntil.remove(broker);
            }
            return !troubled.isEmpty() && troubled.remove(broker) ? Change.RECOVERED : Change.NONE;
        }
        avoidUntil.put(broker, clockMillis.getAsLong() + avoid);
        return troubled.add(broker) ? Change.AVOIDED : Change.NONE;
    }

    /** How long (ms) a broker is avoided after a request that took {@code latencyMillis} or failed. */
    public static long avoidance(long latencyMillis, boolean failed) {
        return failed ? FAILURE_AVOID_MILLIS : avoidFor(latencyMillis);
    }

    /** True when no broker is (or was recently) to be avoided: every queue may be used without asking. */
    public boolean avoidsNone() {
        return avoidUntil.isEmpty();
    }

    /** Whether {@code broker} should get traffic now. */
    public boolean isAvailable(String broker) {
        Long until = avoidUntil.get(broker);
        if (until == null) {
            return true;
        }
        if (clockMillis.getAsLong() >= until) {
            avoidUntil.remove(broker, until);
            return true;
        }
        return false;
    }

    /** Until when (clock millis) each currently avoided broker is avoided; brokers no longer avoided are left out. */
    public java.util.Map<String, Long> avoidedUntil() {
        long now = clockMillis.getAsLong();
        java.util.Map<String, Long> avoided = new java.util.TreeMap<>();
        avoidUntil.forEach((broker, until) -> {
            if (until > now) {
                avoided.put(broker, until);
            }
        });
        return avoided;
    }

    /** The latency (ms) of each broker's last answer, or of its last failed attempt. */
    public java.util.Map<String, Long> lastLatencies() {
        return new java.util.TreeMap<>(lastLatency);
    }

    static long avoidFor(long latencyMillis) {
        long avoid = 0;
        for (int i = 0; i < LATENCY_MILLIS.length; i++) {
            if (latencyMillis >= LATENCY_MILLIS[i]) {
                avoid = AVOID_MILLIS[i];
            }
        }
        return avoid;
    }
}

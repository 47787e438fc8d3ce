package io.mqproducer;

import java.time.Instant;

/**
 * What the producer's queue selection knows about one broker: whether it avoids it for now and how fast it last
 * answered.
 *
 * @param brokerName        the broker name
 * @param avoidedUntil      until when new sends avoid it (it failed or answered slowly), or {@code null}
 * @param lastLatencyMillis how long its last answer took, or {@code -1} when it has not answered yet
 */
public record BrokerState(String brokerName, Instant avoidedUntil, long lastLatencyMillis) {

    /** Whether sends avoid the broker at {@code now}. */
    public boolean isAvoidedAt(Instant now) {
        return avoidedUntil != null && avoidedUntil.isAfter(now);
    }
}

package io.mqproducer.spring.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one producer health check, independent of the Spring Boot line: {@code UP} or {@code DOWN} and the
 * details in the order they are shown. Each starter turns it into its Boot line's {@code Health}.
 *
 * @param status  {@link #UP} or {@link #DOWN}
 * @param details what was checked (name servers, brokers, topics, degraded, reason); never credentials
 */
public record ProducerHealth(String status, Map<String, Object> details) {
    /** The producer can send. */
    public static final String UP = "UP";
    /** The producer cannot send. */
    public static final String DOWN = "DOWN";

    /** Checks the status and keeps an unmodifiable copy of the details in their order. */
    public ProducerHealth {
        if (!UP.equals(status) && !DOWN.equals(status)) {
            throw new IllegalArgumentException("status must be UP or DOWN: " + status);
        }
        details = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(details, "details")));
    }

    /** Whether the producer can send. */
    public boolean isUp() {
        return UP.equals(status);
    }

    static ProducerHealth down(String reason) {
        return new ProducerHealth(DOWN, Map.of("reason", reason));
    }
}

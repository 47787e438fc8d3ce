package io.mqproducer.spring.health;

import java.util.Objects;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Whether one producer can send, as a Spring Boot 3 health indicator: the Boot-independent
 * {@link ProducerHealthCheck} (what DOWN means, caching, timeout) shown as a {@link Health}.
 */
public final class MqProducerHealthIndicator implements HealthIndicator {
    private final ProducerHealthCheck check;

    /** An indicator showing {@code check}, e.g. one of {@code ProducerHealthChecks.byName}. */
    public MqProducerHealthIndicator(ProducerHealthCheck check) {
        this.check = Objects.requireNonNull(check, "check");
    }

    @Override
    public Health health() {
        ProducerHealth health = check.health();
        return (health.isUp() ? Health.up() : Health.down()).withDetails(health.details()).build();
    }
}

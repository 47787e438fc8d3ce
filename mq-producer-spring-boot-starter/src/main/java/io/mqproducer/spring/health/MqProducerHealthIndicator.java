package io.mqproducer.spring.health;

import io.mqproducer.ConnectivityReport;
import io.mqproducer.Producer;
import io.mqproducer.TopicRoute;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether one producer can send, as a Spring Boot 4 health indicator: the Boot-independent
 * {@link ProducerHealthCheck} (what DOWN means, caching, timeout) shown as a {@link Health}.
 */
public final class MqProducerHealthIndicator implements HealthIndicator {
    private final ProducerHealthCheck check;

    /** An indicator for {@code producer} that checks on every call. */
    public MqProducerHealthIndicator(Producer producer, Duration timeout) {
        this(producer, timeout, Duration.ZERO);
    }

    /**
     * An indicator for {@code producer}.
     *
     * @param producer the producer to check
     * @param timeout  how long one check may wait for answers
     * @param cacheTtl how long a result is reused; zero checks on every call
     */
    public MqProducerHealthIndicator(Producer producer, Duration timeout, Duration cacheTtl) {
        this.check = new ProducerHealthCheck(producer, timeout, cacheTtl);
    }

    /** An indicator showing {@code check}, e.g. one of {@code ProducerHealthChecks.byName}. */
    public MqProducerHealthIndicator(ProducerHealthCheck check) {
        this.check = Objects.requireNonNull(check, "check");
    }

    MqProducerHealthIndicator(Function<Duration, CompletableFuture<ConnectivityReport>> probe,
            Supplier<List<TopicRoute>> routes, Duration timeout, Duration cacheTtl, LongSupplier nanoClock) {
        this.check = new ProducerHealthCheck(probe, routes, timeout, cacheTtl, nanoClock);
    }

    @Override
    public Health health() {
        ProducerHealth health = check.health();
        return (health.isUp() ? Health.up() : Health.down()).withDetails(health.details()).build();
    }
}

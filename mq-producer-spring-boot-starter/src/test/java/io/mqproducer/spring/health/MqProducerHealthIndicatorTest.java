package io.mqproducer.spring.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.ConnectivityReport;
import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.TopicRoute;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** Caching and bounding of checks; what each report means is in {@link ProducerHealthAssessmentTest}. */
class MqProducerHealthIndicatorTest {
    private final AtomicInteger probes = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void aProducerThatDoesNotRunIsDown() {
        Producer producer = Producer.create(ProducerOptions.builder("127.0.0.1:9876").build());

        Health health = new MqProducerHealthIndicator(producer, Duration.ofSeconds(1)).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("reason", "producer is not running");
    }

    @Test
    void reusesAResultForTheCacheTimeThenAsksAgain() {
        MqProducerHealthIndicator indicator = indicator(Duration.ofSeconds(5),
                CompletableFuture.completedFuture(new ConnectivityReport(Map.of("ns:9876", true), Map.of())));

        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        nanos.addAndGet(Duration.ofMillis(4_999).toNanos());
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        assertThat(probes).hasValue(1);

        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        indicator.health();
        assertThat(probes).hasValue(2);
    }

    @Test
    void withoutCacheTimeEveryCallAsks() {
        MqProducerHealthIndicator indicator = indicator(Duration.ZERO,
                CompletableFuture.completedFuture(new ConnectivityReport(Map.of("ns:9876", true), Map.of())));

        indicator.health();
        indicator.health();

        assertThat(probes).hasValue(2);
    }

    @Test
    void aProbeThatNeverAnswersIsDownWithinTheTimeoutAndIsCachedToo() {
        MqProducerHealthIndicator indicator = indicator(Duration.ofSeconds(5), new CompletableFuture<>());
        long start = System.nanoTime();

        Health health = indicator.health();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(100 + 500 + 1_000));
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("reason", "no connectivity report within 100 ms");
        assertThat(indicator.health()).isEqualTo(health);
        assertThat(probes).hasValue(1);
    }

    private MqProducerHealthIndicator indicator(Duration cacheTtl, CompletableFuture<ConnectivityReport> report) {
        return new MqProducerHealthIndicator(timeout -> {
            probes.incrementAndGet();
            return report;
        }, () -> List.<TopicRoute>of(), Duration.ofMillis(100), cacheTtl, nanos::get);
    }
}

package io.mqproducer.spring.health;

import io.mqproducer.ConnectivityReport;
import io.mqproducer.Producer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports whether the producer can send: UP when at least one name server answers and every broker the producer
 * routes to answers a heartbeat, DOWN with a {@code reason} otherwise. Details list each name server and broker
 * address with {@code UP} or {@code DOWN}; nothing else (no credentials). A check never takes much longer than its
 * timeout: an unanswered probe counts as DOWN.
 */
public final class MqProducerHealthIndicator extends AbstractHealthIndicator {
    // The probe bounds itself by the timeout; the margin only guards against a probe that does not.
    private static final long MARGIN_MILLIS = 500;

    private final Producer producer;
    private final Duration timeout;

    /**
     * An indicator for {@code producer}.
     *
     * @param producer the producer to check
     * @param timeout  how long one check may wait for answers
     */
    public MqProducerHealthIndicator(Producer producer, Duration timeout) {
        super("RocketMQ producer health check failed");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ConnectivityReport report;
        try {
            report = producer.checkConnectivity(timeout)
                    .get(timeout.toMillis() + MARGIN_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            builder.down().withDetail("reason", "no connectivity report within " + timeout.toMillis() + " ms");
            return;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            builder.down().withDetail("reason", String.valueOf(cause.getMessage()));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.down().withDetail("reason", "interrupted while checking connectivity");
            return;
        }
        builder.withDetail("nameServers", statuses(report.nameServers()))
                .withDetail("brokers", statuses(report.brokers()));
        if (report.isHealthy()) {
            builder.up();
        } else {
            builder.down().withDetail("reason", reason(report));
        }
    }

    /** Why an unhealthy report is unhealthy, in a few words. */
    static String reason(ConnectivityReport report) {
        if (!report.nameServers().containsValue(true)) {
            return report.nameServers().isEmpty() ? "no name server configured" : "no name server answered";
        }
        List<String> down = report.brokers().entrySet().stream()
                .filter(broker -> !broker.getValue())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        return (down.size() == 1 ? "broker " : "brokers ") + String.join(", ", down) + " unreachable";
    }

    private static Map<String, String> statuses(Map<String, Boolean> answered) {
        Map<String, String> statuses = new LinkedHashMap<>();
        answered.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> statuses.put(entry.getKey(), entry.getValue() ? "UP" : "DOWN"));
        return statuses;
    }
}

package io.mqproducer.spring.boot.autoconfigure;

import io.mqproducer.ConnectivityReport;
import io.mqproducer.Producer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The fail-fast check: a started producer must reach at least one name server, or it is closed and start-up fails. */
final class StartupConnectivityCheck {
    /** Added to the check's own timeout, which the producer already bounds, in case its future never completes. */
    private static final long GRACE_MILLIS = 1000;

    private StartupConnectivityCheck() {
    }

    /**
     * Returns {@code producer} if a name server answered within {@code timeout}.
     *
     * @throws MqProducerUnreachableException after closing {@code producer}, when none answered
     */
    static Producer requireReachable(Producer producer, Duration timeout) {
        Throwable failure = null;
        boolean reachable = false;
        Map<String, String> reasons = Map.of();
        try {
            ConnectivityReport report = producer.checkConnectivity(timeout)
                    .get(timeout.toMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS);
            reachable = report.nameServers().containsValue(true);
            reasons = report.failures();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        } catch (ExecutionException e) {
            failure = e.getCause();
        } catch (TimeoutException e) {
            failure = e;
        }
        if (reachable) {
            return producer;
        }
        producer.close();
        throw new MqProducerUnreachableException(producer.options().nameServers(), reasons, failure);
    }
}

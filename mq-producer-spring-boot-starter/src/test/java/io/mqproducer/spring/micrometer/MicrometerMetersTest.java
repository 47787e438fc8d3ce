package io.mqproducer.spring.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mqproducer.error.BrokerBusyException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.error.TopicRouteNotFoundException;
import io.mqproducer.spi.SendEvent;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the observer records for each event; that producers tell it about every send is in the ITs. */
class MicrometerMetersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerProducerObserver observer = new MicrometerProducerObserver(registry, "audit", true,
            () -> null);

    @Test
    void sendsAreTimedByProducerTopicModeAndResult() {
        observer.onSendCompleted(new SendEvent("orders", SendEvent.Mode.ONEWAY, 1, 10,
                TimeUnit.MILLISECONDS.toNanos(5), false, null));

        Timer timer = registry.get(ProducerMeters.SEND).tags("producer", "audit", "topic", "orders",
                "result", "success", "mode", "oneway", "exception", "none").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(5.0);
        assertThat(registry.find(ProducerMeters.FAILURES).counter()).isNull();
    }

    @Test
    void failuresAreTimedAndCountedByCause() {
        observer.onSendCompleted(new SendEvent("orders", SendEvent.Mode.ASYNC, 1, 10, 1, false,
                new TopicRouteNotFoundException("no route")));

        assertThat(registry.get(ProducerMeters.SEND).tags("result", "failure", "mode", "async",
                "exception", "TopicRouteNotFoundException").timer().count()).isEqualTo(1);
        assertThat(registry.get(ProducerMeters.FAILURES).tags("producer", "audit", "topic", "orders",
                "cause", "TopicRouteNotFoundException").counter().count()).isEqualTo(1);
        assertThat(registry.find(ProducerMeters.MESSAGE_SIZE).summary()).isNull();
    }

    @Test
    void everyMessageOfASendCountsInTheSizeDistribution() {
        observer.onSendCompleted(new SendEvent("orders", SendEvent.Mode.SYNC, 1, 1_000, 1, false, null));
        observer.onSendCompleted(new SendEvent("orders", SendEvent.Mode.SYNC, 3, 300, 1, false, null));

        DistributionSummary sizes = registry.get(ProducerMeters.MESSAGE_SIZE).tags("producer", "audit",
                "topic", "orders").summary();
        assertThat(sizes.count()).isEqualTo(4);
        assertThat(sizes.totalAmount()).isEqualTo(1_300.0);
        assertThat(sizes.max()).isEqualTo(1_000.0);
    }

    @Test
    void batchRequestsAreMeasuredInMessages() {
        observer.onBatchRequest("orders", 16);
        observer.onBatchRequest("orders", 4);

        DistributionSummary batches = registry.get(ProducerMeters.BATCH_SIZE).tags("producer", "audit").summary();
        assertThat(batches.count()).isEqualTo(2);
        assertThat(batches.totalAmount()).isEqualTo(20.0);
    }

    @Test
    void retriesAreCountedByTopicBrokerAndCause() {
        BrokerBusyException busy = new BrokerBusyException("broker-a", 2, "busy");

        observer.onRetry("orders", "broker-a", busy);
        observer.onRetry("orders", "broker-a", busy);
        observer.onRetry("orders", null, busy);

        assertThat(registry.get(ProducerMeters.RETRIES).tags("producer", "audit", "topic", "orders",
                "broker", "broker-a", "cause", "BrokerBusyException").counter().count()).isEqualTo(2);
        assertThat(registry.get(ProducerMeters.RETRIES).tags("broker", "unknown").counter().count()).isEqualTo(1);
    }

    @Test
    void routeFetchesAreCountedAndEachBrokerGetsOneAvoidanceGauge() {
        observer.onRouteFetched("orders", Set.of("broker-a", "broker-b"));
        observer.onRouteFetched("orders", Set.of("broker-a"));
        observer.onRouteFetchFailed("orders", new ProducerException("no name server", true));

        assertThat(registry.get(ProducerMeters.ROUTE_REFRESHES).tags("result", "success").counter().count())
                .isEqualTo(2);
        assertThat(registry.get(ProducerMeters.ROUTE_REFRESHES).tags("result", "failure").counter().count())
                .isEqualTo(1);
        assertThat(registry.get(ProducerMeters.BROKER_AVOIDED).tags("producer", "audit").gauges()).hasSize(2);
        assertThat(registry.get(ProducerMeters.BROKER_AVOIDED).tags("broker", "broker-a").gauge().value()).isZero();
    }

    @Test
    void withoutTheTopicTagMetersHaveNone() {
        MicrometerProducerObserver untagged = new MicrometerProducerObserver(registry, "bulk", false, () -> null);

        untagged.onSendCompleted(new SendEvent("t-1", SendEvent.Mode.SYNC, 1, 1, 1, false, null));
        untagged.onSendCompleted(new SendEvent("t-2", SendEvent.Mode.SYNC, 1, 1, 1, false, null));

        Timer timer = registry.get(ProducerMeters.SEND).tags("producer", "bulk").timer();
        assertThat(timer.count()).isEqualTo(2);
        assertThat(timer.getId().getTag("topic")).isNull();
    }

    @Test
    void theInflightGaugeReadsZeroBeforeTheProducerStarted() {
        assertThat(registry.get(ProducerMeters.INFLIGHT).tags("producer", "audit").gauge().value()).isZero();
    }

    @Test
    void errorNamesAreUnwrappedSimpleClassNames() {
        ProducerException failure = new ProducerException("x", false);
        assertThat(ProducerMeters.errorName(new CompletionException(failure))).isEqualTo("ProducerException");
        assertThat(ProducerMeters.errorName(null)).isEqualTo("none");
    }
}

package io.mqproducer.spring.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mqproducer.error.BrokerBusyException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.spring.SendMode;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicrometerMetersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void retriesAreCountedByTopicBrokerAndCause() {
        MicrometerSendObserver observer = new MicrometerSendObserver(registry);
        BrokerBusyException busy = new BrokerBusyException("broker-a", 2, "busy");

        observer.onRetry("orders", "broker-a", busy);
        observer.onRetry("orders", "broker-a", busy);
        observer.onRetry("orders", null, busy);

        assertThat(registry.get(ProducerMeters.RETRIES)
                .tags("topic", "orders", "broker", "broker-a", "cause", "BrokerBusyException").counter().count())
                .isEqualTo(2);
        assertThat(registry.get(ProducerMeters.RETRIES).tags("broker", "unknown").counter().count()).isEqualTo(1);
    }

    @Test
    void successfulSendsAreTimedWithoutFailures() {
        new MicrometerSendListener(registry).sendCompleted("orders", SendMode.ONEWAY, TimeUnit.MILLISECONDS.toNanos(5),
                null);

        var timer = registry.get(ProducerMeters.SEND)
                .tags("topic", "orders", "result", "success", "mode", "oneway", "exception", "none").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(5.0);
        assertThat(registry.find(ProducerMeters.FAILURES).counter()).isNull();
    }

    @Test
    void errorNamesAreUnwrappedSimpleClassNames() {
        ProducerException failure = new ProducerException("x", false);
        assertThat(ProducerMeters.errorName(new CompletionException(failure))).isEqualTo("ProducerException");
        assertThat(ProducerMeters.errorName(null)).isEqualTo("none");
    }
}

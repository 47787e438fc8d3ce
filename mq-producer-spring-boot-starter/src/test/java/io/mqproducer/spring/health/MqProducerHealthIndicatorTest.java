package io.mqproducer.spring.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.ConnectivityReport;
import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class MqProducerHealthIndicatorTest {

    @Test
    void reasonNamesWhatIsMissing() {
        assertThat(MqProducerHealthIndicator.reason(new ConnectivityReport(
                Map.of("ns1:9876", false, "ns2:9876", false), Map.of()))).isEqualTo("no name server answered");
        assertThat(MqProducerHealthIndicator.reason(new ConnectivityReport(
                Map.of("ns1:9876", true), Map.of("b1:10911", true, "b2:10911", false))))
                .isEqualTo("broker b2:10911 unreachable");
        assertThat(MqProducerHealthIndicator.reason(new ConnectivityReport(
                Map.of("ns1:9876", true), Map.of("b2:10911", false, "b1:10911", false))))
                .isEqualTo("brokers b1:10911, b2:10911 unreachable");
    }

    @Test
    void aProducerThatDoesNotRunIsDown() {
        Producer producer = Producer.create(ProducerOptions.builder("127.0.0.1:9876").build());

        Health health = new MqProducerHealthIndicator(producer, Duration.ofSeconds(1)).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("reason", "producer is not running");
    }
}

package io.mqproducer.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.spring.Jackson2JsonCodec;
import io.mqproducer.spring.JsonCodec;
import io.mqproducer.spring.SendObservation;
import io.mqproducer.spring.boot.autoconfigure.health.MqProducerHealthAutoConfiguration;
import io.mqproducer.spring.boot.autoconfigure.jackson.MqProducerJacksonAutoConfiguration;
import io.mqproducer.spring.boot.autoconfigure.metrics.MqProducerMetricsAutoConfiguration;
import io.mqproducer.spring.boot.autoconfigure.observation.MqProducerObservationAutoConfiguration;
import io.mqproducer.spring.health.MqProducerHealthIndicator;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * What the Spring Boot 3 line adds to the shared auto-configuration, against Boot 3.5's own auto-configurations:
 * Jackson 2 payloads, Boot 3 health contributors, and metrics and observation ordered after Boot 3's registries.
 */
class Boot3AutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues("mq.producer.fail-fast=false")
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    MqProducerJacksonAutoConfiguration.class, MqProducerAutoConfiguration.class,
                    NamedMqProducerAutoConfiguration.class, MqProducerHealthAutoConfiguration.class));

    record Order(String orderId, int amountCents) {
    }

    @Test
    void payloadsAreWrittenWithTheApplicationsJackson2ObjectMapper() {
        runner.withPropertyValues("mq.producer.name-server=127.0.0.1:9876",
                "spring.jackson.property-naming-strategy=SNAKE_CASE").run(context -> {
            JsonCodec codec = context.getBean(JsonCodec.class);
            assertThat(codec).isInstanceOf(Jackson2JsonCodec.class);
            assertThat(new String(codec.write(new Order("o-1", 42)), StandardCharsets.UTF_8))
                    .isEqualTo("{\"order_id\":\"o-1\",\"amount_cents\":42}");
            assertThat(codec.read("{\"order_id\":\"o-2\",\"amount_cents\":7}".getBytes(StandardCharsets.UTF_8),
                    Order.class)).isEqualTo(new Order("o-2", 7));
        });
    }

    @Test
    void anApplicationsJsonCodecWins() {
        JsonCodec own = new Jackson2JsonCodec(new com.fasterxml.jackson.databind.ObjectMapper());
        runner.withPropertyValues("mq.producer.name-server=127.0.0.1:9876")
                .withBean("ownCodec", JsonCodec.class, () -> own)
                .run(context -> assertThat(context.getBean(JsonCodec.class)).isSameAs(own));
    }

    @Test
    void healthIsOneBoot3IndicatorPerProducer() throws IOException {
        int closedPort = closedPort();
        runner.withPropertyValues("mq.producer.name-server=127.0.0.1:" + closedPort,
                "mq.producer.producers.audit.name-server=127.0.0.1:" + closedPort).run(context -> {
            CompositeHealthContributor composite = context.getBean("mqProducerHealthContributor",
                    CompositeHealthContributor.class);
            assertThat(composite.stream().map(NamedContributor::getName)).containsExactly("default", "audit");
            assertThat(composite.getContributor("audit")).isInstanceOf(MqProducerHealthIndicator.class);
            Health audit = ((HealthIndicator) composite.getContributor("audit")).health();
            assertThat(audit.getStatus()).isEqualTo(Status.DOWN);
            assertThat(audit.getDetails()).containsEntry("nameServers", Map.of("127.0.0.1:" + closedPort, "DOWN"))
                    .containsEntry("reason", "no route cached and no name server answered");
        });
    }

    @Test
    void anInvalidHealthTimeoutNamesTheProperty() {
        runner.withPropertyValues("mq.producer.name-server=127.0.0.1:9876", "mq.producer.health.timeout=0s")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .isInstanceOf(MqProducerPropertyException.class)
                        .hasMessageContaining("mq.producer.health.timeout"));
    }

    @Test
    void metricsFollowBoot3sMeterRegistry() {
        runner.withPropertyValues("mq.producer.name-server=127.0.0.1:9876")
                .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                        CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                        MqProducerMetricsAutoConfiguration.class))
                .run(context -> assertThat(context).hasBean("mqProducerMetricsObserverFactory"));
    }

    @Test
    void observationFollowsBoot3sObservationRegistry() {
        runner.withPropertyValues("mq.producer.name-server=127.0.0.1:9876", "mq.producer.observation-enabled=true")
                .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
                        MqProducerObservationAutoConfiguration.class))
                .run(context -> assertThat(context).hasSingleBean(SendObservation.class));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

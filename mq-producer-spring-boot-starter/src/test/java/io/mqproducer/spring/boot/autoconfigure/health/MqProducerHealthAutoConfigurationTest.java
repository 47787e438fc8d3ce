package io.mqproducer.spring.boot.autoconfigure.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.spring.ProducerTemplate;
import io.mqproducer.spring.boot.autoconfigure.MqProducerAutoConfiguration;
import io.mqproducer.spring.boot.autoconfigure.MqProducerPropertyException;
import io.mqproducer.spring.boot.autoconfigure.NamedMqProducerAutoConfiguration;
import io.mqproducer.spring.health.MqProducerHealthIndicator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@code mqProducer} health indicator's conditions, and DOWN without a broker (UP is in the ITs). */
class MqProducerHealthAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            // Name servers here are never contacted: start lazily instead of failing fast.
            .withPropertyValues("mq.producer.fail-fast=false")
            .withConfiguration(AutoConfigurations.of(MqProducerAutoConfiguration.class,
                    NamedMqProducerAutoConfiguration.class, MqProducerHealthAutoConfiguration.class));

    @Test
    void registersTheIndicatorUnderTheNameMqProducer() {
        runner.withPropertyValues("mq.producer.name-server=127.0.0.1:9876").run(context -> {
            assertThat(context).hasSingleBean(MqProducerHealthIndicator.class);
            assertThat(context.getBeanNamesForType(HealthContributor.class))
                    .containsExactly("mqProducerHealthContributor");
        });
    }

    @Test
    void composesOneIndicatorPerProducerByName() throws IOException {
        int closedPort = closedPort();
        runner.withPropertyValues("mq.producer.name-server=127.0.0.1:" + closedPort,
                "mq.producer.producers.audit.name-server=127.0.0.1:" + closedPort,
                "mq.producer.producers.billing.name-server=127.0.0.1:" + closedPort).run(context -> {
            CompositeHealthContributor composite = context.getBean("mqProducerHealthContributor",
                    CompositeHealthContributor.class);
            assertThat(composite.stream().map(HealthContributors.Entry::name))
                    .containsExactly("default", "audit", "billing");
            Health audit = ((HealthIndicator) composite.getContributor("audit")).health();
            assertThat(audit.getStatus()).isEqualTo(Status.DOWN);
            assertThat(audit.getDetails()).containsEntry("nameServers", Map.of("127.0.0.1:" + closedPort, "DOWN"));
        });
    }

    @Test
    void namedProducersAloneAreComposedToo() {
        runner.withPropertyValues("mq.producer.producers.audit.name-server=127.0.0.1:9876",
                "mq.producer.producers.billing.name-server=127.0.0.1:9876").run(context -> {
            assertThat(context).doesNotHaveBean(io.mqproducer.Producer.class);
            assertThat(context.getBean("mqProducerHealthContributor", CompositeHealthContributor.class).stream()
                    .map(HealthContributors.Entry::name)).containsExactly("audit", "billing");
        });
    }

    @Test
    void negativeCacheTimeFailsNamingTheProperty() {
        runner.withPropertyValues("mq.producer.name-server=127.0.0.1:9876",
                "mq.producer.health.cache-time-to-live=-1s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("mq.producer.health.cache-time-to-live");
        });
    }

    @Test
    void downWhenNoNameServerAnswers() throws IOException {
        int closedPort = closedPort();
        runner.withPropertyValues("mq.producer.name-server=127.0.0.1:" + closedPort).run(context -> {
            Health health = context.getBean(MqProducerHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("reason", "no route cached and no name server answered")
                    .containsEntry("nameServers", Map.of("127.0.0.1:" + closedPort, "DOWN"))
                    .containsEntry("brokers", Map.of());
        });
    }

    @Test
    void aSilentNameServerMakesItDownWithinTheTimeout() throws IOException {
        // Accepts connections (the kernel does, through the backlog) but never answers.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            runner.withPropertyValues("mq.producer.name-server=127.0.0.1:" + silent.getLocalPort(),
                    "mq.producer.health.timeout=300ms").run(context -> {
                long start = System.nanoTime();
                Health health = context.getBean(MqProducerHealthIndicator.class).health();
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(took).isLessThan(Duration.ofMillis(300 + 500 + 700));
            });
        }
    }

    @Test
    void switchedOffWithTheManagementProperty() {
        runner.withPropertyValues("mq.producer.name-server=127.0.0.1:9876", "management.health.mqProducer.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MqProducerHealthIndicator.class));
    }

    @Test
    void staysAwayWithoutSpringBootHealth() {
        runner.withPropertyValues("mq.producer.name-server=127.0.0.1:9876")
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(MqProducerHealthIndicator.class)
                        .hasSingleBean(ProducerTemplate.class));
    }

    @Test
    void staysAwayWhenDisabled() {
        runner.withPropertyValues("mq.producer.enabled=false").run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(MqProducerHealthIndicator.class));
    }

    @Test
    void zeroTimeoutFailsNamingTheProperty() {
        runner.withPropertyValues("mq.producer.name-server=127.0.0.1:9876", "mq.producer.health.timeout=0s")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .isInstanceOf(MqProducerPropertyException.class)
                            .hasMessageContaining("mq.producer.health.timeout");
                });
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

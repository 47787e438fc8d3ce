package io.mqproducer.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.mqproducer.Producer;
import io.mqproducer.SendStatus;
import io.mqproducer.message.Message;
import io.mqproducer.spring.ProducerTemplate;
import io.mqproducer.spring.boot.autoconfigure.health.MqProducerHealthAutoConfiguration;
import io.mqproducer.spring.boot.autoconfigure.metrics.MqProducerMetricsAutoConfiguration;
import io.mqproducer.spring.micrometer.ProducerMeters;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.EmbeddedRocketMQTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The default producer and a named one against a real broker: every send is measured under its producer's name,
 * through a template or on the producer directly, and each producer has its own health component.
 */
@EmbeddedRocketMQTest
class ProducerObservabilityIT {
    private static final String ORDERS = "observability-orders-it";
    private static final String AUDIT = "observability-audit-it";

    @Test
    void everyProducerIsMeasuredAndCheckedUnderItsName(EmbeddedRocketMQ rocketMQ) {
        rocketMQ.createTopic(ORDERS, 2);
        rocketMQ.createTopic(AUDIT, 2);
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MqProducerAutoConfiguration.class,
                        NamedMqProducerAutoConfiguration.class, MqProducerMetricsAutoConfiguration.class,
                        MqProducerHealthAutoConfiguration.class, MetricsAutoConfiguration.class,
                        SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
                .withPropertyValues("mq.producer.name-server=" + rocketMQ.nameServerAddress(),
                        "mq.producer.producers.audit.name-server=" + rocketMQ.nameServerAddress(),
                        "mq.producer.producers.audit.topics=" + AUDIT)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Producer direct = context.getBean(Producer.class);
                    Producer audit = context.getBean(NamedProducers.class).producer("audit");

                    assertThat(context.getBean(ProducerTemplate.class).send(ORDERS, "o-1").status())
                            .isEqualTo(SendStatus.SEND_OK);
                    assertThat(direct.sendAsync(message(ORDERS, "o-2")).get(10, TimeUnit.SECONDS).status())
                            .isEqualTo(SendStatus.SEND_OK);
                    assertThat(audit.sendBatch(List.of(message(AUDIT, "a-1"), message(AUDIT, "a-22"),
                            message(AUDIT, "a-333")))).hasSize(3);

                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.get(ProducerMeters.SEND).tags("producer", "default", "topic", ORDERS,
                            "result", "success").timers()).hasSize(2) // sync (template) and async (direct)
                            .allSatisfy(timer -> assertThat(timer.count()).isEqualTo(1));
                    assertThat(registry.get(ProducerMeters.SEND).tags("producer", "audit", "topic", AUDIT,
                            "mode", "sync", "result", "success").timer().count()).isEqualTo(1);
                    DistributionSummary sizes = registry.get(ProducerMeters.MESSAGE_SIZE)
                            .tags("producer", "audit").summary();
                    assertThat(sizes.count()).isEqualTo(3);
                    assertThat(sizes.totalAmount()).isEqualTo(12.0);
                    assertThat(registry.get(ProducerMeters.BATCH_SIZE).tags("producer", "audit").summary()
                            .totalAmount()).isEqualTo(3.0);
                    assertThat(registry.get(ProducerMeters.ROUTE_REFRESHES).tags("producer", "audit",
                            "result", "success").counter().count()).isPositive();
                    assertThat(registry.get(ProducerMeters.BROKER_AVOIDED).tags("producer", "default",
                            "broker", rocketMQ.brokerName()).gauge().value()).isZero();
                    assertThat(registry.get(ProducerMeters.INFLIGHT).tags("producer", "audit").gauge().value())
                            .isZero();

                    CompositeHealthContributor health = context.getBean("mqProducerHealthContributor",
                            CompositeHealthContributor.class);
                    for (String name : List.of("default", "audit")) {
                        assertThat(((HealthIndicator) health.getContributor(name)).health().getStatus()).as(name)
                                .isEqualTo(Status.UP);
                    }
                });
    }

    private static Message message(String topic, String body) {
        return Message.builder(topic).body(body.getBytes(StandardCharsets.UTF_8)).build();
    }
}

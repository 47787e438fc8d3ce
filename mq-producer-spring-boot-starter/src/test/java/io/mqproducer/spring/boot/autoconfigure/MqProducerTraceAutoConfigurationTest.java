package io.mqproducer.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.spring.actuate.ProducerDescription;
import io.mqproducer.spring.boot.autoconfigure.metrics.MqProducerMetricsAutoConfiguration;
import io.mqproducer.spring.micrometer.ProducerMeters;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code mq.producer.trace.*} and its per-producer overrides, bound into the producers' options. */
class MqProducerTraceAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            // Name servers here are never contacted: start lazily instead of failing fast.
            .withPropertyValues("mq.producer.fail-fast=false", "mq.producer.name-server=127.0.0.1:9876")
            .withConfiguration(AutoConfigurations.of(MqProducerAutoConfiguration.class,
                    NamedMqProducerAutoConfiguration.class));

    @Test
    void traceIsOffByDefaultWithTheDashboardTopic() {
        runner.run(context -> {
            ProducerOptions options = context.getBean(Producer.class).options();
            assertThat(options.traceEnabled()).isFalse();
            assertThat(options.traceTopic()).isEqualTo("RMQ_SYS_TRACE_TOPIC");
            assertThat(context.getBean(Producer.class).traceRecordsDropped()).isZero();
        });
    }

    @Test
    void bindsTraceSettingsForTheDefaultAndEachNamedProducer() {
        runner.withPropertyValues("mq.producer.trace.enabled=true", "mq.producer.trace.topic=AppTrace",
                "mq.producer.producers.orders.topics=orders*",
                "mq.producer.producers.orders.trace.enabled=false",
                "mq.producer.producers.audit.topics=audit*",
                "mq.producer.producers.audit.trace.topic=AuditTrace").run(context -> {
                    assertThat(context).hasNotFailed();
                    ProducerOptions single = context.getBean(Producer.class).options();
                    assertThat(single.traceEnabled()).isTrue();
                    assertThat(single.traceTopic()).isEqualTo("AppTrace");
                    NamedProducers named = context.getBean(NamedProducers.class);
                    ProducerOptions orders = named.producer("orders").options();
                    assertThat(orders.traceEnabled()).as("overridden").isFalse();
                    assertThat(orders.traceTopic()).as("inherited").isEqualTo("AppTrace");
                    ProducerOptions audit = named.producer("audit").options();
                    assertThat(audit.traceEnabled()).as("inherited").isTrue();
                    assertThat(audit.traceTopic()).as("overridden").isEqualTo("AuditTrace");
                    ProducerDescription.Settings shown = ProducerDescription.of(named.producer("audit")).settings();
                    assertThat(shown.trace()).as("the actuator endpoint shows it").isTrue();
                    assertThat(shown.traceTopic()).isEqualTo("AuditTrace");
                });
    }

    @Test
    void onlyANamedProducerCanTurnTraceOn() {
        runner.withPropertyValues("mq.producer.producers.orders.topics=orders*",
                "mq.producer.producers.orders.trace.enabled=true").run(context -> {
                    assertThat(context.getBean(Producer.class).options().traceEnabled()).isFalse();
                    assertThat(context.getBean(NamedProducers.class).producer("orders").options().traceEnabled())
                            .isTrue();
                });
    }

    @Test
    void anInvalidTraceTopicFailsNamingTheProperty() {
        runner.withPropertyValues("mq.producer.trace.topic=bad topic").run(context -> {
            MqProducerPropertyException failure = MqProducerAutoConfigurationTest.propertyFailure(context);
            assertThat(failure.property()).isEqualTo("mq.producer.trace.topic");
            assertThat(failure.value()).isEqualTo("bad topic");
        });
        runner.withPropertyValues("mq.producer.producers.orders.topics=orders*",
                "mq.producer.producers.orders.trace.topic=bad/topic").run(context -> {
                    MqProducerPropertyException failure = MqProducerAutoConfigurationTest.propertyFailure(context);
                    assertThat(failure.property()).isEqualTo("mq.producer.producers.orders.trace.topic");
                });
    }

    @Test
    void droppedTraceRecordsAreMeteredPerProducer() {
        runner.withConfiguration(AutoConfigurations.of(MqProducerMetricsAutoConfiguration.class,
                        MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                        CompositeMeterRegistryAutoConfiguration.class))
                .withPropertyValues("mq.producer.trace.enabled=true", "mq.producer.producers.orders.topics=orders*")
                .run(context -> {
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.get(ProducerMeters.TRACE_DROPPED).tags("producer", "default")
                            .functionCounter().count()).isZero();
                    assertThat(registry.get(ProducerMeters.TRACE_DROPPED).tags("producer", "orders")
                            .functionCounter().count()).isZero();
                });
    }
}

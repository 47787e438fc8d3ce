package io.mqproducer.spring.boot.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mqproducer.Producer;
import io.mqproducer.error.ProducerClosedException;
import io.mqproducer.message.Message;
import io.mqproducer.spring.ProducerTemplate;
import io.mqproducer.spring.boot.autoconfigure.MqProducerAutoConfiguration;
import io.mqproducer.spring.boot.autoconfigure.NamedMqProducerAutoConfiguration;
import io.mqproducer.spring.boot.autoconfigure.NamedProducers;
import io.mqproducer.spring.boot.autoconfigure.ProducerSendObserverFactory;
import io.mqproducer.spring.micrometer.MicrometerProducerObserver;
import io.mqproducer.spring.micrometer.ProducerMeters;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Metrics light up with Micrometer and a registry for every producer, and stay away without them. */
class MqProducerMetricsAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            // Name servers here are never contacted: start lazily instead of failing fast.
            .withPropertyValues("mq.producer.fail-fast=false")
            .withConfiguration(AutoConfigurations.of(MqProducerAutoConfiguration.class,
                    NamedMqProducerAutoConfiguration.class, MqProducerMetricsAutoConfiguration.class))
            .withPropertyValues("mq.producer.name-server=127.0.0.1:9876");

    private final ApplicationContextRunner withRegistry = runner.withConfiguration(AutoConfigurations.of(
            MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
            CompositeMeterRegistryAutoConfiguration.class));

    @Test
    void theProducerRecordsThroughItsObserverWithARegistry() {
        withRegistry.run(context -> {
            assertThat(context).hasSingleBean(ProducerSendObserverFactory.class);
            assertThat(context.getBean(Producer.class).options().observer())
                    .isInstanceOf(MicrometerProducerObserver.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get(ProducerMeters.INFLIGHT).tags("producer", "default").gauge().value()).isZero();
        });
    }

    @Test
    void templateSendsAndDirectProducerSendsAreRecordedAlike() {
        withRegistry.run(context -> {
            ProducerTemplate template = context.getBean(ProducerTemplate.class);
            Producer producer = context.getBean(Producer.class);
            producer.close(); // every send now fails at once, without any network

            assertThatThrownBy(() -> template.send("orders", "x")).isInstanceOf(ProducerClosedException.class);
            assertThat(template.sendAsync("orders", "x")).failsWithin(Duration.ofSeconds(5));
            assertThatThrownBy(() -> producer.send(Message.builder("orders").body(new byte[1]).build()))
                    .isInstanceOf(ProducerClosedException.class);

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            Timer sync = registry.get(ProducerMeters.SEND).tags("producer", "default", "topic", "orders",
                    "result", "failure", "mode", "sync", "exception", "ProducerClosedException").timer();
            assertThat(sync.count()).isEqualTo(2);
            assertThat(registry.get(ProducerMeters.SEND).tags("mode", "async").timer().count()).isEqualTo(1);
            assertThat(registry.get(ProducerMeters.FAILURES).tags("topic", "orders", "cause", "ProducerClosedException")
                    .counter().count()).isEqualTo(3);
        });
    }

    @Test
    void everyNamedProducerIsMeasuredUnderItsName() {
        withRegistry.withPropertyValues("mq.producer.producers.audit.name-server=127.0.0.1:9876",
                "mq.producer.producers.audit.topics=audit-*").run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get(ProducerMeters.INFLIGHT).gauges()).hasSize(2);
            NamedProducers named = context.getBean(NamedProducers.class);
            named.producer("audit").close();

            assertThatThrownBy(() -> named.template("audit").send("audit-log", "x"))
                    .isInstanceOf(ProducerClosedException.class);

            assertThat(registry.get(ProducerMeters.SEND).tags("producer", "audit", "topic", "audit-log")
                    .timer().count()).isEqualTo(1);
            assertThat(registry.find(ProducerMeters.SEND).tags("producer", "default").timer()).isNull();
        });
    }

    @Test
    void theTopicTagCanBeTurnedOff() {
        withRegistry.withPropertyValues("mq.producer.metrics.topic-tag=false").run(context -> {
            Producer producer = context.getBean(Producer.class);
            producer.close();
            assertThatThrownBy(() -> producer.send(Message.builder("orders").body(new byte[1]).build()))
                    .isInstanceOf(ProducerClosedException.class);

            Timer timer = context.getBean(MeterRegistry.class).get(ProducerMeters.SEND).timer();
            assertThat(timer.getId().getTag("topic")).isNull();
            assertThat(timer.getId().getTag("producer")).isEqualTo("default");
        });
    }

    @Test
    void staysAwayWithoutARegistry() {
        runner.run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(ProducerSendObserverFactory.class)
                .hasSingleBean(ProducerTemplate.class));
    }

    @Test
    void theTemplateWorksWithoutMicrometerOnTheClasspath() {
        withRegistry.withClassLoader(new FilteredClassLoader("io.micrometer.core")).run(context -> {
            assertThat(context).hasNotFailed()
                    .doesNotHaveBean(ProducerSendObserverFactory.class)
                    .hasSingleBean(ProducerTemplate.class);
            context.getBean(Producer.class).close();
            assertThatThrownBy(() -> context.getBean(ProducerTemplate.class).send("orders", "x"))
                    .isInstanceOf(ProducerClosedException.class);
        });
    }

    @Test
    void staysAwayWhenDisabled() {
        withRegistry.withPropertyValues("mq.producer.enabled=false").run(context -> assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(ProducerSendObserverFactory.class));
    }
}

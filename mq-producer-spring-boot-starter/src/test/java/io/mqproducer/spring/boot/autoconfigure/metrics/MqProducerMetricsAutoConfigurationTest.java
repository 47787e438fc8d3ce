package io.mqproducer.spring.boot.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mqproducer.Producer;
import io.mqproducer.error.ProducerClosedException;
import io.mqproducer.spring.ProducerTemplate;
import io.mqproducer.spring.SendListener;
import io.mqproducer.spring.boot.autoconfigure.MqProducerAutoConfiguration;
import io.mqproducer.spring.micrometer.MicrometerSendListener;
import io.mqproducer.spring.micrometer.MicrometerSendObserver;
import io.mqproducer.spring.micrometer.ProducerInflightMeterBinder;
import io.mqproducer.spring.micrometer.ProducerMeters;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Metrics light up with Micrometer and a registry, and stay away without them. */
class MqProducerMetricsAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            // Name servers here are never contacted: start lazily instead of failing fast.
            .withPropertyValues("mq.producer.fail-fast=false")
            .withConfiguration(AutoConfigurations.of(MqProducerAutoConfiguration.class,
                    MqProducerMetricsAutoConfiguration.class))
            .withPropertyValues("mq.producer.name-server=127.0.0.1:9876");

    private final ApplicationContextRunner withRegistry = runner.withConfiguration(AutoConfigurations.of(
            MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
            CompositeMeterRegistryAutoConfiguration.class));

    @Test
    void registersListenerObserverAndGaugeWithARegistry() {
        withRegistry.run(context -> {
            assertThat(context).hasSingleBean(MicrometerSendListener.class)
                    .hasSingleBean(MicrometerSendObserver.class)
                    .hasSingleBean(ProducerInflightMeterBinder.class);
            assertThat(context.getBean(Producer.class).options().observer())
                    .isSameAs(context.getBean(MicrometerSendObserver.class));
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get(ProducerMeters.INFLIGHT).gauge().value()).isZero();
        });
    }

    @Test
    void theTemplateRecordsSendsAndFailures() {
        withRegistry.run(context -> {
            ProducerTemplate template = context.getBean(ProducerTemplate.class);
            context.getBean(Producer.class).close(); // every send now fails at once, without any network

            assertThatThrownBy(() -> template.send("orders", "x")).isInstanceOf(ProducerClosedException.class);
            assertThat(template.sendAsync("orders", "x")).failsWithin(java.time.Duration.ofSeconds(5));

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            Timer sync = registry.get(ProducerMeters.SEND).tags("topic", "orders", "result", "failure", "mode", "sync",
                    "exception", "ProducerClosedException").timer();
            assertThat(sync.count()).isEqualTo(1);
            Timer async = registry.get(ProducerMeters.SEND).tags("mode", "async").timer();
            assertThat(async.count()).isEqualTo(1);
            assertThat(registry.get(ProducerMeters.FAILURES).tags("topic", "orders", "cause", "ProducerClosedException")
                    .counter().count()).isEqualTo(2);
        });
    }

    @Test
    void staysAwayWithoutARegistry() {
        runner.run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(MicrometerSendListener.class)
                .doesNotHaveBean(ProducerInflightMeterBinder.class)
                .hasSingleBean(ProducerTemplate.class));
    }

    @Test
    void theTemplateWorksWithoutMicrometerOnTheClasspath() {
        withRegistry.withClassLoader(new FilteredClassLoader("io.micrometer.core")).run(context -> {
            assertThat(context).hasNotFailed()
                    .doesNotHaveBean(SendListener.class)
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
                .doesNotHaveBean(MicrometerSendListener.class)
                .doesNotHaveBean(MicrometerSendObserver.class)
                .doesNotHaveBean(ProducerInflightMeterBinder.class));
    }
}

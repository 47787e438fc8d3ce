package io.mqproducer.spring.boot.autoconfigure.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.spring.actuate.MqProducerEndpoint;
import io.mqproducer.spring.boot.autoconfigure.MqProducerAutoConfiguration;
import io.mqproducer.spring.boot.autoconfigure.NamedMqProducerAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** The endpoint's conditions; what it shows is in {@link MqProducerEndpointIT}. */
class MqProducerEndpointAutoConfigurationTest {
    private static final String EXPOSED = "management.endpoints.web.exposure.include=mqproducer";
    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            // Name servers here are never contacted: start lazily instead of failing fast.
            .withPropertyValues("mq.producer.fail-fast=false", "mq.producer.name-server=127.0.0.1:9876")
            .withConfiguration(AutoConfigurations.of(MqProducerAutoConfiguration.class,
                    NamedMqProducerAutoConfiguration.class, MqProducerEndpointAutoConfiguration.class));

    @Test
    void notExposedByDefault() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MqProducerEndpoint.class));
    }

    @Test
    void onceExposedDescribesEveryProducer() {
        runner.withPropertyValues(EXPOSED, "mq.producer.producers.audit.name-server=127.0.0.1:9876").run(context -> {
            assertThat(context).hasSingleBean(MqProducerEndpoint.class);
            MqProducerEndpoint.Producers producers = context.getBean(MqProducerEndpoint.class).producers();
            assertThat(producers.producers()).containsOnlyKeys("default", "audit");
            assertThat(producers.producers().get("default").routes()).isEmpty();
            assertThat(context.getBean(MqProducerEndpoint.class).producer("nope")).isNull();
        });
    }

    @Test
    void switchedOffWithTheEndpointAccessProperty() {
        runner.withPropertyValues(EXPOSED, "management.endpoint.mqproducer.access=NONE")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MqProducerEndpoint.class));
    }

    @Test
    void staysAwayWithoutTheActuator() {
        runner.withPropertyValues(EXPOSED).withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MqProducerEndpoint.class));
    }
}

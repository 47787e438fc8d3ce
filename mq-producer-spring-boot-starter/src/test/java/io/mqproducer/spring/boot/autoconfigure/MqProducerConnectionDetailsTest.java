package io.mqproducer.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.Producer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the name server comes from: a {@link MqProducerConnectionDetails} bean, else the property. */
class MqProducerConnectionDetailsTest {
    // Never contacted: the producer connects lazily and these tests do not send.
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            // Name servers here are never contacted: start lazily instead of failing fast.
            .withPropertyValues("mq.producer.fail-fast=false")
            .withConfiguration(AutoConfigurations.of(MqProducerAutoConfiguration.class));

    @Test
    void aConnectionDetailsBeanWinsOverTheProperty() {
        runner.withUserConfiguration(CustomDetails.class)
                .withPropertyValues("mq.producer.name-server=10.0.0.1:9876")
                .run(context -> {
                    assertThat(context).hasSingleBean(MqProducerConnectionDetails.class)
                            .doesNotHaveBean(PropertiesMqProducerConnectionDetails.class);
                    assertThat(context.getBean(Producer.class).options().nameServers())
                            .containsExactly("127.0.0.1:19876", "127.0.0.2:19876");
                });
    }

    @Test
    void aConnectionDetailsBeanIsEnoughWithoutTheProperty() {
        runner.withUserConfiguration(CustomDetails.class).run(context ->
                assertThat(context.getBean(Producer.class).options().nameServers())
                        .containsExactly("127.0.0.1:19876", "127.0.0.2:19876"));
    }

    @Test
    void withoutABeanThePropertyIsUsed() {
        runner.withPropertyValues("mq.producer.name-server=10.0.0.1:9876").run(context -> {
            assertThat(context.getBean(MqProducerConnectionDetails.class))
                    .isInstanceOf(PropertiesMqProducerConnectionDetails.class);
            assertThat(context.getBean(MqProducerConnectionDetails.class).nameServer()).isEqualTo("10.0.0.1:9876");
            assertThat(context.getBean(Producer.class).options().nameServers()).containsExactly("10.0.0.1:9876");
        });
    }

    @Test
    void neitherBeanNorPropertyFailsNamingTheProperty() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            while (failure != null && !(failure instanceof MqProducerPropertyException)) {
                failure = failure.getCause();
            }
            assertThat(failure).isInstanceOf(MqProducerPropertyException.class);
            assertThat(((MqProducerPropertyException) failure).property()).isEqualTo("mq.producer.name-server");
            FailureAnalysis analysis = new MqProducerFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("mq.producer.name-server is not set");
        });
    }

    @Test
    void aMalformedAddressFromABeanIsReportedWithItsValue() {
        runner.withUserConfiguration(MalformedDetails.class)
                .withPropertyValues("mq.producer.name-server=10.0.0.1:9876")
                .run(context -> {
                    Throwable failure = context.getStartupFailure();
                    while (failure != null && !(failure instanceof MqProducerPropertyException)) {
                        failure = failure.getCause();
                    }
                    assertThat(failure).isInstanceOf(MqProducerPropertyException.class);
                    assertThat(((MqProducerPropertyException) failure).value()).isEqualTo("localhost");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomDetails {
        @Bean
        MqProducerConnectionDetails testConnectionDetails() {
            return () -> "127.0.0.1:19876;127.0.0.2:19876";
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class MalformedDetails {
        @Bean
        MqProducerConnectionDetails testConnectionDetails() {
            return () -> "localhost";
        }
    }
}

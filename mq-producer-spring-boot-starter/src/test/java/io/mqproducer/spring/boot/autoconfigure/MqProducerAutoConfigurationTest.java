package io.mqproducer.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.error.ProducerClosedException;
import io.mqproducer.message.Message;
import io.mqproducer.spring.ProducerOperations;
import io.mqproducer.spring.ProducerTemplate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The producer and template auto-configuration: properties, back-off, switch-off and start-up failures. */
class MqProducerAutoConfigurationTest {
    // Never contacted: the producer connects lazily and these tests do not send.
    private static final String NAME_SERVER = "mq.producer.name-server=127.0.0.1:9876";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            // Name servers here are never contacted: start lazily instead of failing fast.
            .withPropertyValues("mq.producer.fail-fast=false")
            .withConfiguration(AutoConfigurations.of(MqProducerAutoConfiguration.class));

    @Test
    void createsAStartedProducerAndATemplateWithDefaults() {
        runner.withPropertyValues(NAME_SERVER).run(context -> {
            assertThat(context).hasSingleBean(Producer.class).hasSingleBean(ProducerTemplate.class);
            Producer producer = context.getBean(Producer.class);
            assertThat(producer.isRunning()).isTrue();
            ProducerOptions options = producer.options();
            assertThat(options.nameServers()).containsExactly("127.0.0.1:9876");
            assertThat(options.producerGroup()).isEqualTo("DEFAULT_PRODUCER");
            assertThat(options.sendTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(options.requestTimeout()).as("a third of the send timeout").isEqualTo(Duration.ofSeconds(1));
            assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(options.retries()).isEqualTo(2);
            assertThat(options.maxMessageSize()).isEqualTo(4 * 1024 * 1024);
            assertThat(options.routeRefreshInterval()).isEqualTo(Duration.ofSeconds(30));
            assertThat(options.binaryHeaders()).isTrue();
            assertThat(context.getBean(ProducerTemplate.class).producer()).isSameAs(producer);
        });
    }

    @Test
    void bindsEveryProperty() {
        runner.withPropertyValues("mq.producer.name-server=10.0.0.1:9876; 10.0.0.2:9876",
                "mq.producer.group=orders-producer",
                "mq.producer.send-timeout=1500ms",
                "mq.producer.request-timeout=700ms",
                "mq.producer.connect-timeout=2s",
                "mq.producer.retries=5",
                "mq.producer.max-message-size=1MB",
                "mq.producer.route-refresh-interval=1m",
                "mq.producer.io-threads=1",
                "mq.producer.binary-headers=false",
                "mq.producer.health.timeout=750ms").run(context -> {
            ProducerOptions options = context.getBean(Producer.class).options();
            assertThat(options.nameServers()).containsExactly("10.0.0.1:9876", "10.0.0.2:9876");
            assertThat(options.producerGroup()).isEqualTo("orders-producer");
            assertThat(options.sendTimeout()).isEqualTo(Duration.ofMillis(1500));
            assertThat(options.requestTimeout()).isEqualTo(Duration.ofMillis(700));
            assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(options.retries()).isEqualTo(5);
            assertThat(options.maxMessageSize()).isEqualTo(1024 * 1024);
            assertThat(options.routeRefreshInterval()).isEqualTo(Duration.ofMinutes(1));
            assertThat(options.ioThreads()).isEqualTo(1);
            assertThat(options.binaryHeaders()).isFalse();
            assertThat(context.getBean(MqProducerProperties.class).getHealth().getTimeout())
                    .isEqualTo(Duration.ofMillis(750));
        });
    }

    @Test
    void bindsTheSendModeAndSecurityProperties() {
        runner.withPropertyValues(NAME_SERVER, "mq.producer.namespace=tenant1", "mq.producer.client-id=orders-1",
                "mq.producer.compression-threshold=8KB", "mq.producer.max-inflight-async=64",
                "mq.producer.batch-linger=2ms", "mq.producer.adaptive-batching=false",
                "mq.producer.acl.access-key=ak", "mq.producer.acl.secret-key=very-secret").run(context -> {
            ProducerOptions options = context.getBean(Producer.class).options();
            assertThat(options.namespace()).isEqualTo("tenant1");
            assertThat(options.clientId()).isEqualTo("orders-1");
            assertThat(options.compressionThreshold()).isEqualTo(8 * 1024);
            assertThat(options.maxInflightAsync()).isEqualTo(64);
            assertThat(options.batchLinger()).isEqualTo(Duration.ofMillis(2));
            assertThat(options.adaptiveBatching()).isFalse();
            assertThat(options.credentials().accessKey()).isEqualTo("ak");
            assertThat(options.credentials().toString()).doesNotContain("very-secret");
            assertThat(context.getBean(MqProducerProperties.class).getAcl().toString()).doesNotContain("very-secret");
        });
    }

    @Test
    void bindsTheCompressionCodecAndLevel() {
        runner.withPropertyValues(NAME_SERVER, "mq.producer.compression.type=zstd", "mq.producer.compression.level=9")
                .run(context -> {
                    ProducerOptions options = context.getBean(Producer.class).options();
                    assertThat(options.compressionType()).isEqualTo(io.mqproducer.CompressionType.ZSTD);
                    assertThat(options.compressionLevel()).isEqualTo(9);
                });
        runner.withPropertyValues(NAME_SERVER).run(context -> assertThat(context.getBean(Producer.class).options()
                .compressionType()).as("default").isEqualTo(io.mqproducer.CompressionType.ZLIB));
    }

    @Test
    void aCompressionLevelTheCodecDoesNotHaveNamesTheProperty() {
        runner.withPropertyValues(NAME_SERVER, "mq.producer.compression.level=12").run(context -> {
            MqProducerPropertyException failure = propertyFailure(context);
            assertThat(failure.property()).isEqualTo("mq.producer.compression.level");
            assertThat(failure).hasMessageContaining("between 0 and 9");
        });
    }

    @Test
    void halfConfiguredAclFailsNamingTheMissingProperty() {
        runner.withPropertyValues(NAME_SERVER, "mq.producer.acl.access-key=ak").run(context ->
                assertThat(propertyFailure(context).property()).isEqualTo("mq.producer.acl.secret-key"));
    }

    @Test
    void invalidNamespaceAndLingerFailNamingTheProperty() {
        runner.withPropertyValues(NAME_SERVER, "mq.producer.namespace=a%b").run(context ->
                assertThat(propertyFailure(context).property()).isEqualTo("mq.producer.namespace"));
        runner.withPropertyValues(NAME_SERVER, "mq.producer.batch-linger=5s").run(context ->
                assertThat(propertyFailure(context).property()).isEqualTo("mq.producer.batch-linger"));
    }

    @Test
    void appliesCustomizersInOrderAfterTheProperties() {
        runner.withPropertyValues(NAME_SERVER, "mq.producer.retries=5")
                .withUserConfiguration(CustomizerConfiguration.class)
                .run(context -> {
                    ProducerOptions options = context.getBean(Producer.class).options();
                    assertThat(options.clientId()).isEqualTo("custom-client");
                    assertThat(options.retries()).isEqualTo(1);
                });
    }

    @Test
    void backsOffWhenTheApplicationDefinesAProducer() {
        runner.withPropertyValues(NAME_SERVER).withUserConfiguration(UserProducerConfiguration.class).run(context -> {
            assertThat(context).hasSingleBean(Producer.class);
            Producer producer = context.getBean(Producer.class);
            assertThat(producer.options().producerGroup()).isEqualTo("user-group");
            assertThat(context.getBean(ProducerTemplate.class).producer()).isSameAs(producer);
        });
    }

    @Test
    void backsOffWhenTheApplicationDefinesTemplateOperations() {
        runner.withPropertyValues(NAME_SERVER).withUserConfiguration(UserOperationsConfiguration.class).run(context -> {
            assertThat(context).hasSingleBean(ProducerOperations.class).doesNotHaveBean(ProducerTemplate.class);
            assertThat(context).hasSingleBean(Producer.class);
        });
    }

    @Test
    void backsOffWhenTheApplicationDefinesATemplate() {
        runner.withPropertyValues(NAME_SERVER).withUserConfiguration(UserTemplateConfiguration.class).run(context -> {
            assertThat(context).hasSingleBean(ProducerTemplate.class).hasBean("userTemplate")
                    .doesNotHaveBean("producerTemplate");
        });
    }

    @Test
    void createsNothingWhenDisabled() {
        runner.withPropertyValues("mq.producer.enabled=false").run(context -> assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(Producer.class)
                .doesNotHaveBean(ProducerOperations.class));
    }

    @Test
    void closesTheProducerWithTheContext() {
        AtomicReference<Producer> producer = new AtomicReference<>();
        runner.withPropertyValues(NAME_SERVER).run(context -> producer.set(context.getBean(Producer.class)));

        assertThat(producer.get().isRunning()).isFalse();
        assertThat(producer.get().sendAsync(Message.of("orders", "x".getBytes(StandardCharsets.UTF_8))))
                .failsWithin(Duration.ofSeconds(5))
                .withThrowableThat().havingCause().isInstanceOf(ProducerClosedException.class);
    }

    @Test
    void missingNameServerFailsStartUpNamingTheProperty() {
        runner.run(context -> {
            MqProducerPropertyException failure = propertyFailure(context);
            assertThat(failure.property()).isEqualTo("mq.producer.name-server");
            assertThat(failure.value()).isNull();
            assertThat(failure).hasMessageContaining("mq.producer.name-server is not set");

            FailureAnalysis analysis = new MqProducerFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("mq.producer.name-server is not set");
            assertThat(analysis.getAction()).contains("Set mq.producer.name-server").contains("mq.producer.enabled=false");
        });
    }

    @Test
    void blankNameServerFailsLikeAMissingOne() {
        runner.withPropertyValues("mq.producer.name-server= ").run(context ->
                assertThat(propertyFailure(context).property()).isEqualTo("mq.producer.name-server"));
    }

    @Test
    void malformedNameServerFailsNamingTheProperty() {
        runner.withPropertyValues("mq.producer.name-server=localhost").run(context -> {
            MqProducerPropertyException failure = propertyFailure(context);
            assertThat(failure.property()).isEqualTo("mq.producer.name-server");
            assertThat(failure.value()).isEqualTo("localhost");
            assertThat(failure).hasMessageContaining("not host:port");
        });
    }

    @Test
    void negativeRetriesFailNamingTheProperty() {
        runner.withPropertyValues(NAME_SERVER, "mq.producer.retries=-1").run(context -> {
            MqProducerPropertyException failure = propertyFailure(context);
            assertThat(failure.property()).isEqualTo("mq.producer.retries");
            assertThat(failure.value()).isEqualTo("-1");
            FailureAnalysis analysis = new MqProducerFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("invalid value '-1' for property mq.producer.retries")
                    .contains("retries must be >= 0");
            assertThat(analysis.getAction()).contains("mq.producer.retries");
        });
    }

    @Test
    void zeroSendTimeoutFailsNamingTheProperty() {
        runner.withPropertyValues(NAME_SERVER, "mq.producer.send-timeout=0s").run(context -> {
            MqProducerPropertyException failure = propertyFailure(context);
            assertThat(failure.property()).isEqualTo("mq.producer.send-timeout");
            assertThat(failure).hasMessageContaining("must be a positive duration");
        });
    }

    @Test
    void requestTimeoutAboveTheSendTimeoutFailsNamingTheProperty() {
        runner.withPropertyValues(NAME_SERVER, "mq.producer.request-timeout=5s").run(context -> {
            MqProducerPropertyException failure = propertyFailure(context);
            assertThat(failure.property()).isEqualTo("mq.producer.request-timeout");
            assertThat(failure.value()).isEqualTo("PT5S");
            assertThat(failure).hasMessageContaining("must not exceed the send timeout");
        });
    }

    @Test
    void nameServersMayBeSeparatedByCommas() {
        runner.withPropertyValues("mq.producer.name-server=10.0.0.1:9876,[::1]:9876").run(context ->
                assertThat(context.getBean(Producer.class).options().nameServers())
                        .containsExactly("10.0.0.1:9876", "[::1]:9876"));
    }

    @Test
    void aNameServerWithoutPortFailsNamingThePropertyAndTheEntry() {
        runner.withPropertyValues("mq.producer.name-server=10.0.0.1:9876;mq-b").run(context -> {
            MqProducerPropertyException failure = propertyFailure(context);
            assertThat(failure.property()).isEqualTo("mq.producer.name-server");
            assertThat(failure).hasMessageContaining("'mq-b' is not host:port: the port is missing (e.g. mq-b:9876)");
        });
    }

    @Test
    void negativeConnectTimeoutFailsNamingTheProperty() {
        runner.withPropertyValues(NAME_SERVER, "mq.producer.connect-timeout=-1s").run(context ->
                assertThat(propertyFailure(context).property()).isEqualTo("mq.producer.connect-timeout"));
    }

    @Test
    void oversizedMaxMessageSizeFailsNamingTheProperty() {
        runner.withPropertyValues(NAME_SERVER, "mq.producer.max-message-size=100MB").run(context -> {
            MqProducerPropertyException failure = propertyFailure(context);
            assertThat(failure.property()).isEqualTo("mq.producer.max-message-size");
            assertThat(failure.value()).isEqualTo("104857600B");
        });
    }

    @Test
    void zeroIoThreadsFailNamingTheProperty() {
        runner.withPropertyValues(NAME_SERVER, "mq.producer.io-threads=0").run(context ->
                assertThat(propertyFailure(context).property()).isEqualTo("mq.producer.io-threads"));
    }

    @Test
    void blankGroupFailsNamingTheProperty() {
        runner.withPropertyValues(NAME_SERVER, "mq.producer.group= ").run(context ->
                assertThat(propertyFailure(context).property()).isEqualTo("mq.producer.group"));
    }

    @Test
    void theFailureAnalyzerIsRegistered() {
        assertThat(org.springframework.core.io.support.SpringFactoriesLoader.loadFactoryNames(
                org.springframework.boot.diagnostics.FailureAnalyzer.class, getClass().getClassLoader()))
                .contains(MqProducerFailureAnalyzer.class.getName());
    }

    static MqProducerPropertyException propertyFailure(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        Throwable cause = context.getStartupFailure();
        while (cause != null && !(cause instanceof MqProducerPropertyException)) {
            cause = cause.getCause();
        }
        assertThat(cause).as("cause of %s", context.getStartupFailure()).isNotNull();
        return (MqProducerPropertyException) cause;
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomizerConfiguration {
        @Bean
        @org.springframework.core.annotation.Order(1)
        ProducerOptionsCustomizer clientId() {
            return builder -> builder.clientId("custom-client").retries(3);
        }

        @Bean
        @org.springframework.core.annotation.Order(2)
        ProducerOptionsCustomizer fewerRetries() {
            return builder -> builder.retries(1);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserProducerConfiguration {
        @Bean(destroyMethod = "close")
        Producer userProducer() {
            return Producer.create(ProducerOptions.builder("127.0.0.1:9876").producerGroup("user-group").build()).start();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserTemplateConfiguration {
        @Bean
        ProducerTemplate userTemplate(Producer producer) {
            return new ProducerTemplate(producer);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserOperationsConfiguration {
        @Bean
        ProducerOperations userOperations() {
            return Mockito.mock(ProducerOperations.class);
        }
    }
}

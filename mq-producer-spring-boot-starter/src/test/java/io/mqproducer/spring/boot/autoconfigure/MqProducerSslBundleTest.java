package io.mqproducer.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** TLS through a Spring Boot SSL bundle: {@code mq.producer.ssl.*}. */
class MqProducerSslBundleTest {
    private static final String NAME_SERVER = "mq.producer.name-server=127.0.0.1:9876";
    private static final String PEM_BUNDLE = "spring.ssl.bundle.pem.mq.truststore.certificate=classpath:tls/server.crt";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            // Name servers here are never contacted: start lazily instead of failing fast.
            .withPropertyValues("mq.producer.fail-fast=false")
            .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, MqProducerAutoConfiguration.class))
            .withPropertyValues(NAME_SERVER);

    @Test
    void bundleSecuresTheProducerWithHostnameVerificationByDefault() {
        runner.withPropertyValues(PEM_BUNDLE, "mq.producer.ssl.bundle=mq").run(context -> {
            assertThat(context).hasNotFailed();
            ProducerOptions options = context.getBean(Producer.class).options();
            assertThat(options.tlsContext()).isNotNull();
            assertThat(options.tlsVerifyHostname()).isTrue();
        });
    }

    @Test
    void hostnameVerificationCanBeTurnedOff() {
        runner.withPropertyValues(PEM_BUNDLE, "mq.producer.ssl.bundle=mq", "mq.producer.ssl.verify-hostname=false")
                .run(context -> {
                    ProducerOptions options = context.getBean(Producer.class).options();
                    assertThat(options.tlsContext()).isNotNull();
                    assertThat(options.tlsVerifyHostname()).isFalse();
                });
    }

    @Test
    void withoutABundleNameTheProducerUsesPlainTcp() {
        runner.withPropertyValues(PEM_BUNDLE).run(context ->
                assertThat(context.getBean(Producer.class).options().tlsContext()).isNull());
    }

    @Test
    void unknownBundleFailsStartUpNamingTheProperty() {
        runner.withPropertyValues(PEM_BUNDLE, "mq.producer.ssl.bundle=missing").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(NoSuchSslBundleException.class);
            MqProducerPropertyException failure = propertyException(context.getStartupFailure());
            assertThat(failure.property()).isEqualTo("mq.producer.ssl.bundle");
            assertThat(failure.value()).isEqualTo("missing");
            assertThat(failure.reason()).contains("mq");
        });
    }

    @Test
    void bundleNameWithoutSslAutoConfigurationFailsStartUpNamingTheProperty() {
        new ApplicationContextRunner()
            // Name servers here are never contacted: start lazily instead of failing fast.
            .withPropertyValues("mq.producer.fail-fast=false")
                .withConfiguration(AutoConfigurations.of(MqProducerAutoConfiguration.class))
                .withPropertyValues(NAME_SERVER, "mq.producer.ssl.bundle=mq")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(propertyException(context.getStartupFailure()).property())
                            .isEqualTo("mq.producer.ssl.bundle");
                });
    }

    private static MqProducerPropertyException propertyException(Throwable failure) {
        Throwable current = failure;
        while (current != null && !(current instanceof MqProducerPropertyException)) {
            current = current.getCause();
        }
        assertThat(current).as("MqProducerPropertyException in the cause chain of %s", failure).isNotNull();
        return (MqProducerPropertyException) current;
    }
}

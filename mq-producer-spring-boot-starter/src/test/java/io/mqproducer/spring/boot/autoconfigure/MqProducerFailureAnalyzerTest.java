package io.mqproducer.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/** A real Spring Boot start-up that fails on a property prints the analyzer's report, found through spring.factories. */
@ExtendWith(OutputCaptureExtension.class)
class MqProducerFailureAnalyzerTest {

    @Test
    void missingNameServerIsReportedWithWhatToSet(CapturedOutput output) {
        assertThatThrownBy(() -> start()).hasRootCauseInstanceOf(MqProducerPropertyException.class);

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("mq.producer.name-server is not set")
                .contains("Set mq.producer.name-server to your name server address(es)");
    }

    @Test
    void invalidValueIsReportedWithTheProperty(CapturedOutput output) {
        assertThatThrownBy(() -> start("--mq.producer.name-server=127.0.0.1:9876", "--mq.producer.retries=-3"))
                .hasStackTraceContaining(MqProducerPropertyException.class.getName());

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("invalid value '-3' for property mq.producer.retries")
                .contains("Set mq.producer.retries to a valid value");
    }

    private static void start(String... args) {
        new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE).run(args).close();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(MqProducerAutoConfiguration.class)
    static class Application {
    }
}

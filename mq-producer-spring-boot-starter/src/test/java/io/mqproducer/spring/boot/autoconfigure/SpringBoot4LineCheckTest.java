package io.mqproducer.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** The Boot 4 starter refuses a Boot 3 application, naming the Boot 3 starter, and starts on Boot 4. */
@ExtendWith(OutputCaptureExtension.class)
class SpringBoot4LineCheckTest {

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @Test
    void onSpringBoot3ItNamesTheBoot3Starter() {
        assertThatThrownBy(() -> new SpringBoot4LineCheck().check("3.5.7"))
                .isInstanceOf(SpringBootLineMismatchException.class)
                .hasMessage("io.mqproducer:mq-producer-spring-boot-starter is built for Spring Boot 4.x but the "
                        + "application runs Spring Boot 3.5.7; use io.mqproducer:mq-producer-spring-boot3-starter "
                        + "instead");
    }

    @Test
    void aVersionWithoutManifestPasses() {
        new SpringBoot4LineCheck().check(null);
    }

    @Test
    void onTheWrongLineStartUpFailsWithTheAnalysis(CapturedOutput output) {
        SpringBootLineCheck onBoot3 = new SpringBootLineCheck(4) {
            @Override
            String runningVersion() {
                return "3.5.7";
            }
        };
        assertThatThrownBy(() -> new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
                .properties("mq.producer.enabled=false").initializers(onBoot3).run())
                .isInstanceOf(SpringBootLineMismatchException.class);
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Replace io.mqproducer:mq-producer-spring-boot-starter with "
                        + "io.mqproducer:mq-producer-spring-boot3-starter (same version) in your build.");
    }

    @Test
    void isRegisteredForEveryApplication() {
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ApplicationContextInitializer.class))
                .hasAtLeastOneElementOfType(SpringBoot4LineCheck.class);
    }

    @Test
    void onTheRightLineTheApplicationStarts(CapturedOutput output) {
        assertThat(SpringBootVersion.getVersion()).startsWith("4.");
        new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
                .properties("mq.producer.enabled=false").run().close();
        assertThat(output).doesNotContain("APPLICATION FAILED TO START");
    }
}

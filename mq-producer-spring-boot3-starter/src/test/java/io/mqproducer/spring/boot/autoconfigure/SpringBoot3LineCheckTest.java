package io.mqproducer.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** The Boot 3 starter refuses a Boot 4 application, naming the Boot 4 starter, and starts on Boot 3. */
@ExtendWith(OutputCaptureExtension.class)
class SpringBoot3LineCheckTest {

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @Test
    void onSpringBoot4ItNamesTheBoot4Starter() {
        assertThatThrownBy(() -> new SpringBoot3LineCheck().check("4.1.2"))
                .isInstanceOf(SpringBootLineMismatchException.class)
                .hasMessage("io.mqproducer:mq-producer-spring-boot3-starter is built for Spring Boot 3.x but the "
                        + "application runs Spring Boot 4.1.2; use io.mqproducer:mq-producer-spring-boot-starter "
                        + "instead");
    }

    @Test
    void anUnsupportedMajorIsSaidSo() {
        assertThatThrownBy(() -> new SpringBoot3LineCheck().check("2.7.18"))
                .hasMessageEndingWith("no mq-producer starter supports that Spring Boot version");
    }

    @Test
    void onTheWrongLineStartUpFailsWithTheAnalysis(CapturedOutput output) {
        SpringBootLineCheck onBoot4 = new SpringBootLineCheck(3) {
            @Override
            String runningVersion() {
                return "4.1.2";
            }
        };
        assertThatThrownBy(() -> new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
                .properties("mq.producer.enabled=false").initializers(onBoot4).run())
                .isInstanceOf(SpringBootLineMismatchException.class);
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Replace io.mqproducer:mq-producer-spring-boot3-starter with "
                        + "io.mqproducer:mq-producer-spring-boot-starter (same version) in your build.");
    }

    @Test
    void netty41OrOldJacksonAnnotationsAreNamedWithTheOverrideToAdd() {
        assertThatThrownBy(() -> SpringBoot3LineCheck.checkDependencies(hiding(SpringBoot3LineCheck.NETTY_42_CLASS)))
                .hasMessageContaining("needs Netty 4.2").hasMessageContaining("netty.version");
        assertThatThrownBy(() -> SpringBoot3LineCheck.checkDependencies(
                hiding(SpringBoot3LineCheck.JACKSON_ANNOTATIONS_221_CLASS)))
                .hasMessageContaining("jackson-annotations 2.21");
        SpringBoot3LineCheck.checkDependencies(getClass().getClassLoader());
    }

    private static ClassLoader hiding(String className) {
        return new FilteredClassLoader(className);
    }

    @Test
    void isRegisteredForEveryApplication() {
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ApplicationContextInitializer.class))
                .hasAtLeastOneElementOfType(SpringBoot3LineCheck.class);
    }

    @Test
    void onTheRightLineTheApplicationStarts(CapturedOutput output) {
        assertThat(SpringBootVersion.getVersion()).startsWith("3.");
        new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE)
                .properties("mq.producer.enabled=false").run().close();
        assertThat(output).doesNotContain("APPLICATION FAILED TO START");
    }
}

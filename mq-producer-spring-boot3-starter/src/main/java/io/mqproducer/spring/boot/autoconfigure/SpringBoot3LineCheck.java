package io.mqproducer.spring.boot.autoconfigure;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Fails start-up with a clear message when this Spring Boot 3 starter runs in a Spring Boot 4 application, or when the
 * application's Boot 3.5 dependency management kept the versions the producer core cannot run on: Netty 4.1 (the core
 * needs 4.2) or jackson-annotations before 2.21 (the core's Jackson 3 needs it). Without this check those show up as a
 * {@code NoClassDefFoundError} on the first connection.
 */
public final class SpringBoot3LineCheck extends SpringBootLineCheck {
    static final String NETTY_42_CLASS = "io.netty.channel.MultiThreadIoEventLoopGroup";
    static final String JACKSON_ANNOTATIONS_221_CLASS = "com.fasterxml.jackson.annotation.JsonSerializeAs";

    /** Creates the check; Spring Boot calls this (see {@code META-INF/spring.factories}). */
    public SpringBoot3LineCheck() {
        super(3);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        super.initialize(context);
        checkDependencies(context.getClassLoader());
    }

    /** Fails naming the version override to add when Netty or jackson-annotations is too old. */
    static void checkDependencies(ClassLoader classLoader) {
        if (!ClassUtils.isPresent(NETTY_42_CLASS, classLoader)) {
            throw new IllegalStateException("mq-producer needs Netty 4.2 but Spring Boot 3.5 manages Netty 4.1: set "
                    + "the property netty.version to 4.2.x (Boot parent), or import io.netty:netty-bom:4.2.x before "
                    + "spring-boot-dependencies");
        }
        if (!ClassUtils.isPresent(JACKSON_ANNOTATIONS_221_CLASS, classLoader)) {
            throw new IllegalStateException("mq-producer's Jackson 3 needs com.fasterxml.jackson.core:"
                    + "jackson-annotations 2.21 or later but Spring Boot 3.5 manages an older one: manage "
                    + "jackson-annotations 2.21 in dependencyManagement (Jackson 2 databind keeps working with it)");
        }
    }
}

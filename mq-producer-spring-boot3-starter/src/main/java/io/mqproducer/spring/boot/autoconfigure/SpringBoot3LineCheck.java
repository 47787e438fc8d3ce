package io.mqproducer.spring.boot.autoconfigure;

/** Fails start-up with a clear message when this Spring Boot 3 starter runs in a Spring Boot 4 application. */
public final class SpringBoot3LineCheck extends SpringBootLineCheck {

    /** Creates the check; Spring Boot calls this (see {@code META-INF/spring.factories}). */
    public SpringBoot3LineCheck() {
        super(3);
    }
}

package io.mqproducer.spring.boot.autoconfigure;

/** Fails start-up with a clear message when this Spring Boot 4 starter runs in a Spring Boot 3 application. */
public final class SpringBoot4LineCheck extends SpringBootLineCheck {

    /** Creates the check; Spring Boot calls this (see {@code META-INF/spring.factories}). */
    public SpringBoot4LineCheck() {
        super(4);
    }
}

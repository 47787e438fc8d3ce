package io.mqproducer.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a starter built for another Spring Boot major: which artifact to depend on instead. Registered in
 * {@code META-INF/spring.factories}.
 */
final class SpringBootLineFailureAnalyzer extends AbstractFailureAnalyzer<SpringBootLineMismatchException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SpringBootLineMismatchException cause) {
        String action = cause.replacement() != null
                ? "Replace " + cause.starter() + " with " + cause.replacement() + " (same version) in your build."
                : "Use Spring Boot 3.5.x with " + SpringBootLineCheck.STARTERS.get(3) + ", or Spring Boot 4.1.x with "
                        + SpringBootLineCheck.STARTERS.get(4) + ".";
        return new FailureAnalysis(cause.getMessage() + ".", action, cause);
    }
}

package io.mqproducer.spring.boot.autoconfigure;

/**
 * The mq-producer starter on the class path was built for another Spring Boot major than the application runs.
 * Explained at start-up by {@link SpringBootLineFailureAnalyzer}.
 */
public final class SpringBootLineMismatchException extends IllegalStateException {
    private final String starter;
    private final String replacement;

    SpringBootLineMismatchException(String starter, int builtFor, String bootVersion, String replacement) {
        super(starter + " is built for Spring Boot " + builtFor + ".x but the application runs Spring Boot "
                + bootVersion + "; " + (replacement != null ? "use " + replacement + " instead"
                        : "no mq-producer starter supports that Spring Boot version"));
        this.starter = starter;
        this.replacement = replacement;
    }

    /** The starter found on the class path ({@code groupId:artifactId}). */
    public String starter() {
        return starter;
    }

    /** The starter for the running Spring Boot version, or {@code null} if there is none. */
    public String replacement() {
        return replacement;
    }
}

package io.mqproducer.spring;

/**
 * Header names with a meaning for {@link ProducerTemplate} when a Spring {@link org.springframework.messaging.Message}
 * is sent: they become the RocketMQ tag and keys instead of user properties. Every other simple-valued header becomes
 * a user property of the same name.
 */
public final class MqHeaders {

    /** Prefix of the headers below. */
    public static final String PREFIX = "mq_";

    /** The tag consumers filter on ({@code String}); a tag in the destination ({@code topic:tag}) takes precedence. */
    public static final String TAGS = PREFIX + "tags";

    /** Business keys: a {@code String} (several separated by spaces), a {@code String[]} or a {@code Collection}. */
    public static final String KEYS = PREFIX + "keys";

    /**
     * The user property that records how the body was encoded ({@code application/json}, {@code text/plain;charset=UTF-8}
     * or {@code application/octet-stream}); same name as Spring's {@code MessageHeaders.CONTENT_TYPE}, whose value it
     * takes when a Spring message carries one.
     */
    public static final String CONTENT_TYPE = "contentType";

    private MqHeaders() {
    }
}

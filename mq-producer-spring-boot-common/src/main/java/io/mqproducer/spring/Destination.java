package io.mqproducer.spring;

import io.mqproducer.error.InvalidMessageException;
import org.jspecify.annotations.Nullable;

/**
 * A parsed destination: {@code topic} or {@code topic:tag}, as rocketmq-spring users write it. Only the first colon
 * separates; an empty tag means none. Topic rules themselves are checked when the message is built.
 *
 * @param topic the topic
 * @param tag   the tag, or {@code null}
 */
record Destination(String topic, @Nullable String tag) {

    private static final char SEPARATOR = ':';

    /** Splits {@code destination} into topic and tag. */
    static Destination parse(String destination) {
        if (destination == null) {
            throw new InvalidMessageException("destination must not be null");
        }
        int colon = destination.indexOf(SEPARATOR);
        if (colon < 0) {
            return new Destination(destination.trim(), null);
        }
        String tag = destination.substring(colon + 1).trim();
        return new Destination(destination.substring(0, colon).trim(), tag.isEmpty() ? null : tag);
    }
}

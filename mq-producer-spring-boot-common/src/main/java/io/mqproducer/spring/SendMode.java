package io.mqproducer.spring;

/** How a send was made; part of every {@link SendListener} notification. */
public enum SendMode {
    /** The caller waited for the broker's answer. */
    SYNC,
    /** The caller got a future completed with the broker's answer. */
    ASYNC,
    /** The message was written without waiting for an answer. */
    ONEWAY;

    /** The lower-case name used in metric tags: {@code sync}, {@code async} or {@code oneway}. */
    public String tagValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

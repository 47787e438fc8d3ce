package io.mqproducer.internal.trace;

import java.util.Collection;

/** One trace record, waiting to be written to the trace topic. */
sealed interface TraceRecord permits PublishRecord, EndTransactionRecord {

    /** Region written when the broker names none, as the official client does. */
    String DEFAULT_REGION = "DefaultRegion";

    /** Appends the record in {@link TraceFormat}; {@code clientHost} is this client's address. */
    void appendTo(StringBuilder out, String clientHost);

    /** Adds what the record is found by in the broker's key index: the message id and the message's own keys. */
    void addKeys(Collection<String> keys);

    /** The {@code keys} field: a message's user keys, space separated, or empty. */
    static String joinKeys(java.util.List<String> keys) {
        return keys.isEmpty() ? "" : String.join(" ", keys);
    }
}

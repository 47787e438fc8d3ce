package io.mqproducer.internal.trace;

import java.util.List;

/**
 * One message to the trace topic: several records as its body, their message ids and user keys as its keys.
 *
 * @param body    the records in {@link TraceFormat}, UTF-8
 * @param keys    the ids and keys to index, without duplicates
 * @param records how many records the body holds
 */
public record TraceMessage(byte[] body, List<String> keys, int records) {
}

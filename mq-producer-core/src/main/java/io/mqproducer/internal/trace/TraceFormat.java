package io.mqproducer.internal.trace;

/**
 * The text format of message trace records that RocketMQ Dashboard and the official client read: records joined as
 * UTF-8 text, fields separated by char 1, each record ending with char 2.
 */
final class TraceFormat {
    static final char FIELD_SEPARATOR = 1;
    static final char RECORD_END = 2;

    private TraceFormat() {
    }

    /**
     * Appends one record. A {@code null} field is written empty. Fields need no escaping: topics, tags and keys are
     * validated not to hold either separator (message properties use the same two characters).
     */
    static void appendRecord(StringBuilder out, Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(FIELD_SEPARATOR);
            }
            if (fields[i] != null) {
                out.append(fields[i]);
            }
        }
        out.append(RECORD_END);
    }
}

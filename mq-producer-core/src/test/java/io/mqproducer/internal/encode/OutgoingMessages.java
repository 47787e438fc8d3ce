package io.mqproducer.internal.encode;

import io.mqproducer.message.Message;

/** Encoded messages with chosen ids, for tests of the steps after encoding. */
public final class OutgoingMessages {
    private OutgoingMessages() {
    }

    /** {@code message} as a batchable wire message for {@code wireTopic}, uncompressed, with {@code uniqueId}. */
    public static OutgoingMessage batchable(Message message, String wireTopic, String uniqueId) {
        return new OutgoingMessage(message, wireTopic, message.body(), 0, "", uniqueId, true);
    }
}

package io.mqproducer.internal.encode;

import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.internal.codec.BatchBodyEncoder;
import io.mqproducer.internal.protocol.Topics;
import io.mqproducer.message.Message;
import io.mqproducer.message.MessageRules;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the broker accepts in one {@code SEND_BATCH_MESSAGE}: one topic, no delayed or priority messages, no retry
 * topics, one store-wait setting, and members that fit the message size limit with their properties.
 */
final class BatchRules {
    private BatchRules() {
    }

    /** Checks a batch the caller made. */
    static void check(List<Message> messages, int maxMessageSize) {
        if (messages == null || messages.isEmpty()) {
            throw new InvalidMessageException("a batch needs at least one message");
        }
        Message first = messages.get(0);
        if (first == null) {
            throw new InvalidMessageException("batch member 0 is null");
        }
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            if (message == null) {
                throw new InvalidMessageException("batch member " + i + " is null");
            }
            if (!message.topic().equals(first.topic())) {
                throw new InvalidMessageException("all messages of a batch must have the same topic: member " + i
                        + " goes to " + message.topic() + ", member 0 to " + first.topic());
            }
            if (message.hasPriority()) {
                throw new InvalidMessageException("batch member " + i + " has a priority; brokers place priority "
                        + "messages one by one, send it alone");
            }
            if (message.isDelayed()) {
                throw new InvalidMessageException("batch member " + i + " is delayed; delayed messages cannot be batched");
            }
            if (message.topic().startsWith(Topics.RETRY_PREFIX)) {
                throw new InvalidMessageException("retry topics cannot receive batches");
            }
            if (message.waitStoreMsgOk() != first.waitStoreMsgOk()) {
                throw new InvalidMessageException("all messages of a batch must have the same waitStoreMsgOk setting");
            }
            MessageRules.checkBodySize(message.body(), maxMessageSize);
        }
    }

    /** Whether nothing in the message itself keeps it out of a batch the producer assembles. */
    static boolean mayShare(Message message) {
        return !message.isDelayed() && !message.hasPriority() && !message.topic().startsWith(Topics.RETRY_PREFIX);
    }

    /** Whether a member with this body length and property string fits a batch request under {@code maxBytes}. */
    static boolean fits(int bodyLength, String properties, int maxBytes) {
        // Three bytes per char bound the UTF-8 length; the exact length is needed only near the limit.
        long bound = BatchBodyEncoder.memberSize(bodyLength, properties.length() * 3L);
        return bound <= maxBytes
                || BatchBodyEncoder.memberSize(bodyLength, properties.getBytes(StandardCharsets.UTF_8).length) <= maxBytes;
    }
}

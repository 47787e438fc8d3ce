package io.mqproducer.internal.send;

import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.internal.codec.BatchBodyEncoder.Member;
import io.mqproducer.message.Message;
import io.mqproducer.message.MessageRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a batch against the broker's rules (one topic, no delayed messages, no retry topics, one store-wait
 * setting) and cuts it into parts whose encoded size fits the message size limit.
 */
final class BatchPlanner {
    private BatchPlanner() {
    }

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
            if (message.topic().startsWith(io.mqproducer.internal.protocol.Topics.RETRY_PREFIX)) {
                throw new InvalidMessageException("retry topics cannot receive batches");
            }
            if (message.waitStoreMsgOk() != first.waitStoreMsgOk()) {
                throw new InvalidMessageException("all messages of a batch must have the same waitStoreMsgOk setting");
            }
            MessageRules.checkBodySize(message.body(), maxMessageSize);
        }
    }

    /** Rejects a member that could never fit a batch request, however small the batch. */
    static void checkFits(OutgoingMessage member, int maxBytes) {
        int size = member(member).encodedSize();
        if (size > maxBytes) {
            throw new InvalidMessageException("message takes " + size + " bytes with its properties, more than the "
                    + "message size limit of " + maxBytes + " bytes");
        }
    }

    /** Splits encoded members into consecutive parts of at most {@code maxBytes} encoded bytes each. */
    static List<List<OutgoingMessage>> split(List<OutgoingMessage> members, int maxBytes) {
        List<List<OutgoingMessage>> parts = new ArrayList<>();
        List<OutgoingMessage> current = new ArrayList<>();
        long currentBytes = 0;
        for (int i = 0; i < members.size(); i++) {
            OutgoingMessage member = members.get(i);
            int size = member(member).encodedSize();
            if (size > maxBytes) {
                throw new InvalidMessageException("batch member " + i + " takes " + size + " bytes with its properties,"
                        + " more than the message size limit of " + maxBytes + " bytes");
            }
            if (currentBytes + size > maxBytes) {
                parts.add(current);
                current = new ArrayList<>();
                currentBytes = 0;
            }
            current.add(member);
            currentBytes += size;
        }
        parts.add(current);
        return parts;
    }

    static Member member(OutgoingMessage message) {
        return message.batchMember();
    }
}

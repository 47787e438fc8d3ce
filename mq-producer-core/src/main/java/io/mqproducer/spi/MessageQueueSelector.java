package io.mqproducer.spi;

import io.mqproducer.MessageQueue;
import io.mqproducer.message.Message;
import java.util.List;

/**
 * Chooses the queue for a message, for orderly sends: messages that must stay in order go to the same queue.
 * Called with the topic's writable queues in a stable order; must be fast and must not block.
 */
@FunctionalInterface
public interface MessageQueueSelector {

    /** Picks one of {@code queues} (never empty) for {@code message}. */
    MessageQueue select(List<MessageQueue> queues, Message message);

    /** Sends every message with the same key to the same queue while the topic's queues stay the same. */
    static MessageQueueSelector byHash(String key) {
        if (key == null) {
            throw new io.mqproducer.error.InvalidMessageException("sharding key must not be null");
        }
        return (queues, message) -> queues.get(Math.floorMod(key.hashCode(), queues.size()));
    }
}

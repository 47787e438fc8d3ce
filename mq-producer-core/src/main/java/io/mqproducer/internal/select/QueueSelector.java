package io.mqproducer.internal.select;

import io.mqproducer.MessageQueue;
import io.mqproducer.internal.route.TopicPublishInfo;

/** Picks the queue a message goes to. Implementations are pure: no I/O, no blocking. */
public interface QueueSelector {

    /**
     * Picks one queue of {@code table}.
     *
     * @param table       the topic's writable queues, never empty
     * @param avoidBroker the broker whose last attempt failed, or null
     */
    MessageQueue select(TopicPublishInfo table, String avoidBroker);
}

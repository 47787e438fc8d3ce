package io.mqproducer.internal.select;

import io.mqproducer.MessageQueue;
import io.mqproducer.internal.route.TopicPublishInfo;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Spreads messages over a topic's queues in turn. On a retry the broker that just failed is skipped
 * unless it holds the only queues.
 */
public final class RoundRobinQueueSelector implements QueueSelector {
    private final ConcurrentHashMap<String, AtomicInteger> positions = new ConcurrentHashMap<>();

    @Override
    public MessageQueue select(TopicPublishInfo table, String avoidBroker) {
        List<MessageQueue> queues = table.queues();
        int start = positions.computeIfAbsent(table.topic(), t -> new AtomicInteger()).getAndIncrement();
        if (avoidBroker != null) {
            for (int i = 0; i < queues.size(); i++) {
                MessageQueue candidate = queues.get(Math.floorMod(start + i, queues.size()));
                if (!avoidBroker.equals(candidate.brokerName())) {
                    return candidate;
                }
            }
        }
        return queues.get(Math.floorMod(start, queues.size()));
    }
}

package io.mqproducer.internal.select;

import io.mqproducer.MessageQueue;
import io.mqproducer.internal.route.TopicPublishInfo;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Spreads messages over a topic's queues in turn, skipping brokers that {@link BrokerAvailability} says to
 * avoid and, on a retry, the broker that just failed. When every broker is to be avoided, it still picks one:
 * a send attempt beats no attempt.
 */
public final class RoundRobinQueueSelector implements QueueSelector {
    private final ConcurrentHashMap<String, AtomicInteger> positions = new ConcurrentHashMap<>();
    private final BrokerAvailability availability;

    public RoundRobinQueueSelector(BrokerAvailability availability) {
        this.availability = availability;
    }

    @Override
    public MessageQueue select(TopicPublishInfo table, String avoidBroker) {
        List<MessageQueue> queues = table.queues();
        int start = positions.computeIfAbsent(table.topic(), t -> new AtomicInteger()).getAndIncrement();
        MessageQueue choice = first(queues, start,
                q -> !q.brokerName().equals(avoidBroker) && availability.isAvailable(q.brokerName()));
        if (choice == null && avoidBroker != null) {
            choice = first(queues, start, q -> !q.brokerName().equals(avoidBroker));
        }
        return choice != null ? choice : queues.get(Math.floorMod(start, queues.size()));
    }

    private static MessageQueue first(List<MessageQueue> queues, int start, Predicate<MessageQueue> acceptable) {
        for (int i = 0; i < queues.size(); i++) {
            MessageQueue candidate = queues.get(Math.floorMod(start + i, queues.size()));
            if (acceptable.test(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}

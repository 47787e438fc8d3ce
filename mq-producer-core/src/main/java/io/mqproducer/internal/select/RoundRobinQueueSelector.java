package io.mqproducer.internal.select;

import io.mqproducer.MessageQueue;
import io.mqproducer.internal.route.TopicPublishInfo;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Spreads messages over a topic's queues in turn, skipping brokers that {@link BrokerAvailability} says to
 * avoid and, on a retry, the broker that just failed. While some queues are skipped, the turn runs over the
 * acceptable queues only, so each of them gets an equal share (taking "the next acceptable queue after the
 * position" instead would pile every skipped position onto the same queue). When every broker is to be
 * avoided, it still picks one: a send attempt beats no attempt.
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
        int position = positions.computeIfAbsent(table.topic(), t -> new AtomicInteger()).getAndIncrement();
        if (avoidBroker == null && availability.avoidsNone()) {
            return queues.get(Math.floorMod(position, queues.size())); // the usual case: every queue is acceptable
        }
        MessageQueue choice = nth(queues, position,
                q -> !q.brokerName().equals(avoidBroker) && availability.isAvailable(q.brokerName()));
        if (choice == null && avoidBroker != null) {
            choice = nth(queues, position, q -> !q.brokerName().equals(avoidBroker));
        }
        return choice != null ? choice : queues.get(Math.floorMod(position, queues.size()));
    }

    /** The acceptable queue at {@code position} in the turn over acceptable queues only, or null if none is. */
    private static MessageQueue nth(List<MessageQueue> queues, int position, Predicate<MessageQueue> acceptable) {
        // One pass into an array: availability may change meanwhile, and a second pass could disagree with the first.
        MessageQueue[] candidates = new MessageQueue[queues.size()];
        int count = 0;
        for (MessageQueue queue : queues) {
            if (acceptable.test(queue)) {
                candidates[count++] = queue;
            }
        }
        return count == 0 ? null : candidates[Math.floorMod(position, count)];
    }
}

package io.mqproducer.internal.route;

import io.mqproducer.MessageQueue;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Says what changed between two routes of a topic, in one line for the operator log. */
final class RouteChanges {

    private RouteChanges() {
    }

    /** "brokers added [b]; removed [a]; writable queues per broker {a=4} -> {a=2}", or null when nothing changed. */
    static String describe(TopicPublishInfo before, TopicPublishInfo after) {
        Map<String, Integer> queuesBefore = queuesPerBroker(before);
        Map<String, Integer> queuesAfter = queuesPerBroker(after);
        if (queuesBefore.equals(queuesAfter) && before.masterAddresses().equals(after.masterAddresses())) {
            return null;
        }
        Set<String> added = new TreeSet<>(queuesAfter.keySet());
        added.removeAll(queuesBefore.keySet());
        Set<String> removed = new TreeSet<>(queuesBefore.keySet());
        removed.removeAll(queuesAfter.keySet());
        StringBuilder line = new StringBuilder();
        if (!added.isEmpty()) {
            line.append("brokers added ").append(added).append("; ");
        }
        if (!removed.isEmpty()) {
            line.append("brokers removed ").append(removed).append("; ");
        }
        line.append("writable queues per broker ").append(queuesBefore).append(" -> ").append(queuesAfter);
        Map<String, String> movedMasters = new TreeMap<>();
        after.masterAddresses().forEach((broker, address) -> {
            String old = before.masterAddress(broker);
            if (old != null && !old.equals(address)) {
                movedMasters.put(broker, old + " -> " + address);
            }
        });
        if (!movedMasters.isEmpty()) {
            line.append("; masters moved ").append(movedMasters);
        }
        return line.toString();
    }

    private static Map<String, Integer> queuesPerBroker(TopicPublishInfo info) {
        Map<String, Integer> counts = new TreeMap<>();
        for (MessageQueue queue : info.queues()) {
            counts.merge(queue.brokerName(), 1, Integer::sum);
        }
        return counts;
    }
}

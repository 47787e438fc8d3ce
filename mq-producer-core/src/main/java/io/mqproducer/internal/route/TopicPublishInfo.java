package io.mqproducer.internal.route;

import io.mqproducer.MessageQueue;
import io.mqproducer.internal.protocol.Permission;
import io.mqproducer.internal.protocol.TopicRouteData;
import io.mqproducer.internal.protocol.TopicRouteData.BrokerData;
import io.mqproducer.internal.protocol.TopicRouteData.QueueData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of where a topic can be written: its writable queues (broker x write queue) and the
 * master address of each broker that holds them.
 *
 * @param topic           the topic
 * @param queues          writable queues, grouped by broker name in a stable order
 * @param masterAddresses broker name to master address, for brokers in {@code queues}
 * @param viaDefaultTopic the queues come from the auto-create template topic: the topic does not exist yet
 */
public record TopicPublishInfo(String topic, List<MessageQueue> queues, Map<String, String> masterAddresses,
                               boolean viaDefaultTopic) {

    public TopicPublishInfo {
        queues = List.copyOf(queues);
        masterAddresses = Map.copyOf(masterAddresses);
    }

    /** Builds the table from a route: only brokers that are writable and have a master contribute queues. */
    public static TopicPublishInfo from(String topic, TopicRouteData route, boolean viaDefaultTopic, int maxQueuesPerBroker) {
        Map<String, String> masters = new HashMap<>();
        for (BrokerData broker : route.brokers()) {
            String master = broker.masterAddress();
            if (broker.brokerName() != null && master != null) {
                masters.put(broker.brokerName(), master);
            }
        }
        List<QueueData> sorted = new ArrayList<>(route.queues());
        sorted.sort(Comparator.comparing(QueueData::brokerName, Comparator.nullsLast(Comparator.naturalOrder())));
        List<MessageQueue> queues = new ArrayList<>();
        Map<String, String> used = new HashMap<>();
        for (QueueData queueData : sorted) {
            String master = masters.get(queueData.brokerName());
            if (master == null || !Permission.isWritable(queueData.perm())) {
                continue;
            }
            int count = Math.min(queueData.writeQueueNums(), maxQueuesPerBroker);
            for (int id = 0; id < count; id++) {
                queues.add(new MessageQueue(topic, queueData.brokerName(), id));
            }
            used.put(queueData.brokerName(), master);
        }
        return new TopicPublishInfo(topic, queues, used, viaDefaultTopic);
    }

    /** The master address of a broker in this table, or null. */
    public String masterAddress(String brokerName) {
        return masterAddresses.get(brokerName);
    }

    public boolean isWritable() {
        return !queues.isEmpty();
    }
}

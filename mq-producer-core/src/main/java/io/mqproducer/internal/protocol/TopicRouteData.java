package io.mqproducer.internal.protocol;

import java.util.List;
import java.util.Map;

/**
 * A topic's route as the name server reports it: which brokers serve it and how many queues each has.
 *
 * @param brokers broker groups, each with its member addresses by broker id (0 is the master)
 * @param queues  queue counts and permissions per broker name
 */
public record TopicRouteData(List<BrokerData> brokers, List<QueueData> queues) {

    public TopicRouteData {
        brokers = brokers == null ? List.of() : List.copyOf(brokers);
        queues = queues == null ? List.of() : List.copyOf(queues);
    }

    /** One broker group. */
    public record BrokerData(String cluster, String brokerName, Map<Long, String> addresses) {
        /** Broker id of the master in a broker group. */
        public static final long MASTER_ID = 0L;

        public BrokerData {
            addresses = addresses == null ? Map.of() : Map.copyOf(addresses);
        }

        public String masterAddress() {
            return addresses.get(MASTER_ID);
        }
    }

    /** One broker's share of the topic. */
    public record QueueData(String brokerName, int readQueueNums, int writeQueueNums, int perm, int topicSysFlag) {
    }
}

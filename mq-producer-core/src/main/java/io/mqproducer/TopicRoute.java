package io.mqproducer;

import java.util.List;

/**
 * A snapshot of a route the producer has cached: where a topic can be written. Addresses only, never credentials.
 *
 * @param topic           the topic, as sent on the wire (with namespace)
 * @param brokers         the brokers with writable queues for it, by name
 * @param viaDefaultTopic the topic does not exist yet: its queues come from the auto-create template topic
 */
public record TopicRoute(String topic, List<Broker> brokers, boolean viaDefaultTopic) {

    public TopicRoute {
        brokers = List.copyOf(brokers);
    }

    /**
     * One broker of a route.
     *
     * @param name           the broker name
     * @param address        its master's address, {@code host:port}
     * @param writableQueues how many of the topic's queues on it can be written
     */
    public record Broker(String name, String address, int writableQueues) {
    }
}

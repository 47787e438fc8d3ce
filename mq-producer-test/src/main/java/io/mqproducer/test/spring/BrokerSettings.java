package io.mqproducer.test.spring;

import io.mqproducer.test.EmbeddedRocketMQ;

/**
 * The attributes of an {@link EmbeddedRocketMQBroker} that make one broker differ from another; test contexts with
 * equal settings share a broker.
 *
 * @param autoCreateTopics whether the broker creates topics on their first send
 */
record BrokerSettings(boolean autoCreateTopics) {

    static BrokerSettings of(EmbeddedRocketMQBroker annotation) {
        return new BrokerSettings(annotation.autoCreateTopics());
    }

    /** Starts a broker with these settings. */
    EmbeddedRocketMQ start() {
        return EmbeddedRocketMQ.builder().autoCreateTopics(autoCreateTopics).start();
    }
}

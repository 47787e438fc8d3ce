package io.mqproducer;

/**
 * One queue of a topic on one broker group.
 *
 * @param topic      the topic
 * @param brokerName the broker group that holds the queue
 * @param queueId    the queue's index on that broker
 */
public record MessageQueue(String topic, String brokerName, int queueId) {
}

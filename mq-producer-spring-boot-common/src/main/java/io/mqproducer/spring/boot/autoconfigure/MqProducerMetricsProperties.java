package io.mqproducer.spring.boot.autoconfigure;

/** Settings of the producer meters, bound from {@code mq.producer.metrics.*}. */
public class MqProducerMetricsProperties {

    /**
     * Whether meters carry a topic tag. Turn it off when an application sends to many topics, to keep the number of
     * time series bounded; the meters then have no topic tag.
     */
    private boolean topicTag = true;

    /** Whether meters carry a {@code topic} tag. */
    public boolean isTopicTag() {
        return topicTag;
    }

    /** Sets whether meters carry a {@code topic} tag. */
    public void setTopicTag(boolean topicTag) {
        this.topicTag = topicTag;
    }
}

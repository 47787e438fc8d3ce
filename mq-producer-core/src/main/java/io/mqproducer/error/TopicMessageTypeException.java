package io.mqproducer.error;

/**
 * A RocketMQ 5 proxy refused the message because its type does not match the topic's {@code message.type}
 * attribute: a delayed or timer message needs a DELAY topic, a transactional one a TRANSACTION topic, plain and
 * orderly sends a NORMAL topic (or any of them a MIXED topic). The proxy answers the same for a topic that does not
 * exist. Not retried: the topic or the message has to change.
 */
public class TopicMessageTypeException extends BrokerRejectedException {
    private final String topic;

    public TopicMessageTypeException(String topic, String brokerName, int code, String remark) {
        super(code, remark, "topic " + topic + " (broker " + brokerName + ") does not accept this kind of message: "
                + remark + ". Send it to a topic whose message.type matches (NORMAL for plain and orderly sends, "
                + "DELAY for delayed and timer messages, TRANSACTION for transactional ones), make the topic MIXED, or "
                + "create the topic first if it does not exist (mqadmin updateTopic -t " + topic
                + " -a +message.type=...)", false);
        this.topic = topic;
    }

    private TopicMessageTypeException(TopicMessageTypeException original) {
        super(original);
        this.topic = original.topic;
    }

    @Override
    public TopicMessageTypeException copyForRethrow() {
        return new TopicMessageTypeException(this);
    }

    /** The topic as the application named it. */
    public String topic() {
        return topic;
    }
}

package io.mqproducer.spring.micrometer;

import io.micrometer.observation.transport.SenderContext;
import io.mqproducer.spring.SendMode;
import io.mqproducer.spring.SendOperation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The observation context of one template send: what an {@link MqProducerObservationConvention} reads. Its carrier
 * collects what a tracer's propagation writes, which the template sends as message user properties.
 */
public final class MqProducerSenderContext extends SenderContext<Map<String, String>> {
    private final String topic;
    private final SendMode mode;
    private final SendOperation operation;
    private final int messages;
    private volatile @Nullable String messageId;

    /**
     * A context for a send to {@code topic}.
     *
     * @param messages how many messages the send carries (more than one for a batch)
     */
    public MqProducerSenderContext(String topic, SendMode mode, SendOperation operation, int messages) {
        super((carrier, key, value) -> Objects.requireNonNull(carrier).put(key, value));
        this.topic = Objects.requireNonNull(topic, "topic");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.messages = messages;
        setCarrier(new LinkedHashMap<>());
        setRemoteServiceName("rocketmq");
    }

    /** The topic sent to. */
    public String getTopic() {
        return topic;
    }

    /** How the caller waits. */
    public SendMode getMode() {
        return mode;
    }

    /** Single, batch or transactional send. */
    public SendOperation getOperation() {
        return operation;
    }

    /** How many messages the send carries. */
    public int getMessages() {
        return messages;
    }

    /** The id of the (first) message the broker stored, once known; {@code null} before or on failure. */
    public @Nullable String getMessageId() {
        return messageId;
    }

    /** Sets the stored message's id. */
    public void setMessageId(@Nullable String messageId) {
        this.messageId = messageId;
    }
}

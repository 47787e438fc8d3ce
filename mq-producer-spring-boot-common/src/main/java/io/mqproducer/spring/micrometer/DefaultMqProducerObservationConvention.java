package io.mqproducer.spring.micrometer;

import io.micrometer.common.KeyValues;
import io.mqproducer.spring.micrometer.MqProducerObservationDocumentation.HighCardinalityKeys;
import io.mqproducer.spring.micrometer.MqProducerObservationDocumentation.LowCardinalityKeys;

/**
 * The default names and key values of a template send observation, as listed in
 * {@link MqProducerObservationDocumentation}: contextual name {@code <topic> send}.
 */
public class DefaultMqProducerObservationConvention implements MqProducerObservationConvention {
    /** A shared instance. */
    public static final DefaultMqProducerObservationConvention INSTANCE = new DefaultMqProducerObservationConvention();

    /** Creates the convention; extend it to add key values. */
    public DefaultMqProducerObservationConvention() {
    }

    @Override
    public String getContextualName(MqProducerSenderContext context) {
        return context.getTopic() + " send";
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(MqProducerSenderContext context) {
        return KeyValues.of(LowCardinalityKeys.MESSAGING_SYSTEM.withValue("rocketmq"),
                LowCardinalityKeys.DESTINATION.withValue(context.getTopic()),
                LowCardinalityKeys.SEND_MODE.withValue(context.getMode().tagValue()),
                LowCardinalityKeys.OPERATION.withValue(context.getOperation().tagValue()),
                LowCardinalityKeys.OUTCOME.withValue(context.getError() == null ? "success" : "failure"));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(MqProducerSenderContext context) {
        KeyValues values = KeyValues.of(HighCardinalityKeys.BATCH_MESSAGE_COUNT
                .withValue(String.valueOf(context.getMessages())));
        String messageId = context.getMessageId();
        return messageId == null ? values : values.and(HighCardinalityKeys.MESSAGE_ID.withValue(messageId));
    }
}

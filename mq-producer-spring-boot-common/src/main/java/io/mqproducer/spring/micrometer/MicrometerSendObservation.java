package io.mqproducer.spring.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.mqproducer.SendResult;
import io.mqproducer.message.Message;
import io.mqproducer.spring.SendMode;
import io.mqproducer.spring.SendObservation;
import io.mqproducer.spring.SendOperation;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Micrometer {@link Observation} around every template send: single, batch and transactional. When a tracer
 * bridge is configured, its propagation handler writes the trace context through the observation's carrier, which
 * becomes user properties of the message (of every message of a batch), so a consumer can continue the trace.
 *
 * <p>Observation {@value #NAME}; names and key values from an {@link MqProducerObservationConvention}, by default
 * {@link DefaultMqProducerObservationConvention} (keys listed in {@link MqProducerObservationDocumentation}).
 */
public final class MicrometerSendObservation implements SendObservation {
    /** The observation's name. */
    public static final String NAME = "mq.producer.template";

    private final ObservationRegistry registry;
    private final @Nullable MqProducerObservationConvention convention;

    /** Observes into {@code registry} with the default convention. */
    public MicrometerSendObservation(ObservationRegistry registry) {
        this(registry, null);
    }

    /**
     * Observes into {@code registry}.
     *
     * @param convention replaces the default convention, or {@code null}
     */
    public MicrometerSendObservation(ObservationRegistry registry, @Nullable MqProducerObservationConvention convention) {
        this.registry = registry;
        this.convention = convention;
    }

    @Override
    public Scope start(Message message, SendMode mode) {
        return start(message, mode, SendOperation.SEND, 1);
    }

    @Override
    public Scope start(Message message, SendMode mode, SendOperation operation, int messages) {
        MqProducerSenderContext context = new MqProducerSenderContext(message.topic(), mode, operation, messages);
        Observation observation = MqProducerObservationDocumentation.TEMPLATE_OBSERVATION
                .observation(convention, DefaultMqProducerObservationConvention.INSTANCE, () -> context, registry)
                .start();
        Map<String, String> traceContext = context.getCarrier();
        Message traced = withContext(message, traceContext);
        return new Scope() {
            @Override
            public Message message() {
                return traced;
            }

            @Override
            public Message message(Message other) {
                return withContext(other, traceContext);
            }

            @Override
            public void stop(@Nullable SendResult result, @Nullable Throwable failure) {
                if (result != null) {
                    context.setMessageId(result.messageId());
                }
                if (failure != null) {
                    observation.error(failure);
                }
                observation.stop();
            }
        };
    }

    private static Message withContext(Message message, @Nullable Map<String, String> traceContext) {
        return traceContext == null || traceContext.isEmpty() ? message
                : message.toBuilder(message.topic()).properties(traceContext).build();
    }
}

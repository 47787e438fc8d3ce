package io.mqproducer.spring.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.SenderContext;
import io.mqproducer.SendResult;
import io.mqproducer.message.Message;
import io.mqproducer.spring.SendMode;
import io.mqproducer.spring.SendObservation;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Micrometer {@link Observation} around every send. When a tracer bridge is configured, its propagation handler
 * writes the trace context through this observation's carrier, which becomes user properties of the message, so a
 * consumer can continue the trace.
 *
 * <p>Observation {@value #NAME}; low-cardinality keys {@code messaging.system}, {@code messaging.destination.name},
 * {@code mq.send.mode}, {@code outcome}; high-cardinality key {@code messaging.message.id}.
 */
public final class MicrometerSendObservation implements SendObservation {
    /** The observation's name. */
    public static final String NAME = "mq.producer.template";

    private final ObservationRegistry registry;

    public MicrometerSendObservation(ObservationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Scope start(Message message, SendMode mode) {
        SenderContext<Map<String, String>> context = new SenderContext<>(
                (carrier, key, value) -> carrier.put(key, value));
        context.setCarrier(new LinkedHashMap<>());
        context.setRemoteServiceName("rocketmq");
        Observation observation = Observation.createNotStarted(NAME, () -> context, registry)
                .contextualName(message.topic() + " send")
                .lowCardinalityKeyValue("messaging.system", "rocketmq")
                .lowCardinalityKeyValue("messaging.destination.name", message.topic())
                .lowCardinalityKeyValue("mq.send.mode", mode.name().toLowerCase(Locale.ROOT))
                .start();
        Map<String, String> traceContext = context.getCarrier();
        Message traced = traceContext == null || traceContext.isEmpty() ? message
                : message.toBuilder(message.topic()).properties(traceContext).build();
        return new Scope() {
            @Override
            public Message message() {
                return traced;
            }

            @Override
            public void stop(@Nullable SendResult result, @Nullable Throwable failure) {
                observation.lowCardinalityKeyValue("outcome", failure == null ? "success" : "failure");
                if (result != null) {
                    observation.highCardinalityKeyValue("messaging.message.id", result.messageId());
                }
                if (failure != null) {
                    observation.error(failure);
                }
                observation.stop();
            }
        };
    }
}

package io.mqproducer.spring;

import io.mqproducer.SendResult;
import io.mqproducer.message.Message;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MessageCustomizer}s and {@link ProducerListener}s of a {@link ProducerTemplate}, each list in the order
 * it is applied. Immutable.
 */
public final class SendHooks {
    private static final Logger log = LoggerFactory.getLogger(SendHooks.class);

    /** No customizers and no listeners; the template's default. */
    public static final SendHooks NONE = new SendHooks(List.of(), List.of());

    private final List<MessageCustomizer> customizers;
    private final List<ProducerListener> listeners;

    /**
     * Hooks.
     *
     * @param customizers applied in this order to every message before it is sent
     * @param listeners   told in this order how every send fared
     */
    public SendHooks(List<? extends MessageCustomizer> customizers, List<? extends ProducerListener> listeners) {
        this.customizers = List.copyOf(customizers);
        this.listeners = List.copyOf(listeners);
    }

    /** The customizers, in the order they are applied. */
    public List<MessageCustomizer> customizers() {
        return customizers;
    }

    /** The listeners, in the order they are told. */
    public List<ProducerListener> listeners() {
        return listeners;
    }

    /** {@code message} after every customizer; what a customizer throws is thrown. */
    Message customize(Message message) {
        Message current = message;
        for (MessageCustomizer customizer : customizers) {
            current = Objects.requireNonNull(customizer.customize(current),
                    () -> "MessageCustomizer " + customizer.getClass().getName() + " returned null");
        }
        return current;
    }

    /** Tells every listener that {@code message} was stored; a listener that throws is logged and skipped. */
    void success(Message message, SendResult result) {
        for (ProducerListener listener : listeners) {
            try {
                listener.onSuccess(message, result);
            } catch (RuntimeException e) {
                log.warn("producer listener {} failed for topic {}", listener.getClass().getName(), message.topic(), e);
            }
        }
    }

    /** Tells every listener that sending {@code message} failed; a listener that throws is logged and skipped. */
    void failure(Message message, Throwable failure) {
        for (ProducerListener listener : listeners) {
            try {
                listener.onFailure(message, failure);
            } catch (RuntimeException e) {
                log.warn("producer listener {} failed for topic {}", listener.getClass().getName(), message.topic(), e);
            }
        }
    }
}

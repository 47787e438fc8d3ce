package io.mqproducer.spring;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells several listeners; a listener that throws is logged and skipped so that a send never fails because of it. */
final class CompositeSendListener implements SendListener {
    private static final Logger log = LoggerFactory.getLogger(CompositeSendListener.class);

    private final List<SendListener> listeners;

    CompositeSendListener(List<SendListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void sendCompleted(String topic, SendMode mode, long durationNanos, @Nullable Throwable failure) {
        for (SendListener listener : listeners) {
            notifySafely(listener, topic, mode, durationNanos, failure);
        }
    }

    /** Tells {@code listener}; logs (topic only, never the message) instead of throwing if it fails. */
    static void notifySafely(SendListener listener, String topic, SendMode mode, long durationNanos,
            @Nullable Throwable failure) {
        try {
            listener.sendCompleted(topic, mode, durationNanos, failure);
        } catch (RuntimeException e) {
            log.warn("send listener {} failed for topic {}", listener.getClass().getName(), topic, e);
        }
    }
}

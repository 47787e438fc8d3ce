package io.mqproducer;

import io.mqproducer.message.Message;
import io.mqproducer.spi.SendEvent;
import io.mqproducer.spi.SendObserver;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the observer about each finished send call. Costs nothing (no clock read, no allocation) when the observer
 * is {@link SendObserver#NOOP}.
 */
final class SendEvents {
    private static final Logger log = LoggerFactory.getLogger(SendEvents.class);

    /** A send under way; {@link #done} tells the observer how it ended. */
    interface Started {
        void done(Throwable failure);
    }

    private static final Started IGNORED = failure -> { };

    private final SendObserver observer;

    SendEvents(SendObserver observer) {
        this.observer = observer;
    }

    Started start(SendEvent.Mode mode, Message message) {
        if (observer == SendObserver.NOOP) {
            return IGNORED;
        }
        return start(mode, topic(message), 1, bytes(message), false);
    }

    Started startTransaction(Message message) {
        if (observer == SendObserver.NOOP) {
            return IGNORED;
        }
        return start(SendEvent.Mode.SYNC, topic(message), 1, bytes(message), true);
    }

    Started start(SendEvent.Mode mode, List<Message> messages) {
        if (observer == SendObserver.NOOP) {
            return IGNORED;
        }
        long bytes = 0;
        int count = messages == null ? 0 : messages.size();
        for (int i = 0; i < count; i++) {
            bytes += bytes(messages.get(i));
        }
        return start(mode, count == 0 ? topic(null) : topic(messages.get(0)), count, bytes, false);
    }

    private Started start(SendEvent.Mode mode, String topic, int messages, long bytes, boolean transactional) {
        long started = System.nanoTime();
        return failure -> {
            try {
                observer.onSendCompleted(new SendEvent(topic, mode, messages, bytes, System.nanoTime() - started,
                        transactional, failure));
            } catch (RuntimeException e) {
                log.debug("send observer failed for topic {}: {}", topic, e.toString());
            }
        };
    }

    private static String topic(Message message) {
        return message == null || message.topic() == null ? "unknown" : message.topic();
    }

    private static long bytes(Message message) {
        return message == null || message.body() == null ? 0 : message.body().length;
    }
}

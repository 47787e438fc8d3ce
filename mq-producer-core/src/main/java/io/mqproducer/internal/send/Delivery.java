package io.mqproducer.internal.send;

import io.mqproducer.SendResult;
import io.mqproducer.error.DeliveryTimeoutException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One message on its way: its encoded parts, its deadline, the attempts made so far and the future its
 * caller holds. Attempts run one after another, never concurrently, so the state needs no locking beyond
 * the happens-before edges of the futures that chain the attempts.
 */
final class Delivery {
    final Message message;
    final String uniqueId;
    final String properties;
    final long bornTimestamp;
    final CompletableFuture<SendResult> result = new CompletableFuture<>();
    private final long deadlineNanos;
    private final long budgetMillis;
    private final List<ProducerException> failures = new ArrayList<>(2);
    private int attempts;

    Delivery(Message message, String uniqueId, String properties, long budgetMillis) {
        this.message = message;
        this.uniqueId = uniqueId;
        this.properties = properties;
        this.bornTimestamp = System.currentTimeMillis();
        this.budgetMillis = budgetMillis;
        this.deadlineNanos = System.nanoTime() + budgetMillis * 1_000_000L;
    }

    /** Counts a new attempt and returns its number, starting at 1. */
    int startAttempt() {
        return ++attempts;
    }

    int attempts() {
        return attempts;
    }

    long remainingMillis() {
        return (deadlineNanos - System.nanoTime()) / 1_000_000L;
    }

    void succeed(SendResult sendResult) {
        result.complete(sendResult);
    }

    void record(ProducerException failure) {
        failures.add(failure);
    }

    /** Fails with the last recorded error; earlier attempts' errors ride along as suppressed. */
    void failWithLast() {
        ProducerException last = failures.get(failures.size() - 1);
        for (ProducerException earlier : failures.subList(0, failures.size() - 1)) {
            if (earlier != last) {
                last.addSuppressed(earlier);
            }
        }
        result.completeExceptionally(last);
    }

    /** Fails because the budget ran out; every attempt's error is attached. */
    void failTimedOut() {
        ProducerException last = failures.isEmpty() ? null : failures.get(failures.size() - 1);
        DeliveryTimeoutException timeout = new DeliveryTimeoutException("message to topic " + message.topic()
                + " was not acknowledged within " + budgetMillis + " ms (" + attempts + " attempt"
                + (attempts == 1 ? "" : "s") + ")", last);
        for (ProducerException earlier : failures) {
            if (earlier != last) {
                timeout.addSuppressed(earlier);
            }
        }
        result.completeExceptionally(timeout);
    }
}

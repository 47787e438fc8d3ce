package io.mqproducer.spring;

import io.mqproducer.Producer;
import io.mqproducer.SendResult;
import io.mqproducer.TransactionResult;
import io.mqproducer.TransactionState;
import io.mqproducer.message.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Sends a template's messages through the producer inside an observation, and tells the {@link SendListener}
 * (metrics) and the {@link SendHooks} listeners how each send went; the template only builds the messages.
 */
final class ObservedSends {
    /** How long past its own timeout an async send may take before its caller's future fails anyway. */
    private static final long ASYNC_GRACE_MILLIS = 1000;

    private final Producer producer;
    private final SendListener listener;
    private final SendObservation observation;
    private final SendHooks hooks;

    ObservedSends(Producer producer, SendListener listener, SendObservation observation, SendHooks hooks) {
        this.producer = producer;
        this.listener = listener;
        this.observation = observation;
        this.hooks = hooks;
    }

    /** A send whose caller waits; {@code send} gets the message as observed (with trace context). */
    SendResult sync(Message message, SendMode mode, Function<Message, SendResult> send) {
        long start = System.nanoTime();
        SendObservation.Scope scope = observation.start(message, mode);
        SendResult result;
        try {
            result = send.apply(scope.message());
        } catch (RuntimeException e) {
            record(message.topic(), mode, start, e);
            scope.stop(null, e);
            hooks.failure(scope.message(), e);
            throw e;
        }
        record(message.topic(), mode, start, null);
        scope.stop(result, null);
        if (result != null) {
            hooks.success(scope.message(), result);
        }
        return result;
    }

    /** @param timeout this send's own timeout, or null for the producer's send timeout */
    CompletableFuture<SendResult> async(Message message, @Nullable Duration timeout) {
        long start = System.nanoTime();
        SendObservation.Scope scope = observation.start(message, SendMode.ASYNC);
        CompletableFuture<SendResult> sending;
        try {
            sending = timeout == null ? producer.sendAsync(scope.message())
                    : producer.sendAsync(scope.message(), timeout);
        } catch (RuntimeException e) {
            sending = CompletableFuture.failedFuture(e);
        }
        // The producer bounds every send by its send timeout; this bound (as the core's sync path has) only
        // guarantees that a caller's future completes even if the producer fails to complete its own.
        long bound = (timeout == null || timeout.isNegative() ? producer.options().sendTimeout() : timeout).toMillis();
        sending.orTimeout(bound + ASYNC_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        // A fresh future, completed after the listener ran, with the producer's exception itself (not a wrapper).
        CompletableFuture<SendResult> result = new CompletableFuture<>();
        sending.whenComplete((sent, error) -> {
            Throwable failure = error == null ? null : ProducerTemplate.asProducerException(error);
            record(message.topic(), SendMode.ASYNC, start, failure);
            scope.stop(sent, failure);
            if (failure == null) {
                hooks.success(scope.message(), sent);
                result.complete(sent);
            } else {
                hooks.failure(scope.message(), failure);
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    /** A batch in one observation; {@code destination} names it when there are no messages. */
    List<SendResult> batch(String destination, List<Message> messages) {
        String topic = messages.isEmpty() ? destination : messages.get(0).topic();
        long start = System.nanoTime();
        SendObservation.Scope scope = messages.isEmpty() ? null
                : observation.start(messages.get(0), SendMode.SYNC, SendOperation.BATCH, messages.size());
        List<Message> traced = scope == null ? messages : traced(scope, messages);
        try {
            List<SendResult> results = producer.sendBatch(traced);
            record(topic, SendMode.SYNC, start, null);
            if (scope != null) {
                scope.stop(results.isEmpty() ? null : results.get(0), null);
            }
            if (results.size() == traced.size()) {
                for (int i = 0; i < results.size(); i++) {
                    hooks.success(traced.get(i), results.get(i));
                }
            }
            return results;
        } catch (RuntimeException e) {
            record(topic, SendMode.SYNC, start, e);
            if (scope != null) {
                scope.stop(null, e);
            }
            traced.forEach(message -> hooks.failure(message, e));
            throw e;
        }
    }

    /** A transactional send in one observation. */
    TransactionResult transaction(Message customized, Function<Message, TransactionState> localTransaction) {
        long start = System.nanoTime();
        SendObservation.Scope scope = observation.start(customized, SendMode.SYNC, SendOperation.TRANSACTION, 1);
        Message message = scope.message();
        try {
            TransactionResult result = producer.sendInTransaction(message, localTransaction);
            record(message.topic(), SendMode.SYNC, start, null);
            scope.stop(result.sendResult(), null);
            if (result.sendResult() != null) {
                hooks.success(message, result.sendResult());
            }
            return result;
        } catch (RuntimeException e) {
            record(message.topic(), SendMode.SYNC, start, e);
            scope.stop(null, e);
            hooks.failure(message, e);
            throw e;
        }
    }

    /** The batch's messages as sent in one observation: the first from the scope, the others with its context. */
    private static List<Message> traced(SendObservation.Scope scope, List<Message> messages) {
        List<Message> traced = new ArrayList<>(messages.size());
        traced.add(scope.message());
        for (int i = 1; i < messages.size(); i++) {
            traced.add(scope.message(messages.get(i)));
        }
        return traced;
    }

    private void record(String topic, SendMode mode, long start, @Nullable Throwable failure) {
        CompositeSendListener.notifySafely(listener, topic, mode, System.nanoTime() - start, failure);
    }
}

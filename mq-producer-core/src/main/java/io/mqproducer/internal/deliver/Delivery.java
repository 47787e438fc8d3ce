package io.mqproducer.internal.deliver;

import io.mqproducer.MessageQueue;
import io.mqproducer.error.DeliveryTimeoutException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.route.TopicPublishInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * One request on its way (a message or a batch): how to build it for a queue, how to read the answer, its
 * deadline, the attempts made so far and the future its caller holds. Attempts run one after another, never
 * concurrently, so the state needs no locking beyond the happens-before edges of the chaining futures.
 *
 * @param <T> what a successful answer becomes
 */
final class Delivery<T> {

    /** Builds the request for one queue. */
    interface RequestBuilder {
        RemotingCommand build(MessageQueue queue, int opaque);
    }

    /** Reads a successful answer, or throws the typed error it stands for. */
    interface Interpreter<T> {
        T interpret(RemotingCommand response, MessageQueue queue);
    }

    /** Chooses the queue; null means the pipeline's round robin. */
    interface Chooser {
        MessageQueue choose(TopicPublishInfo table);
    }

    final String userTopic;
    final String wireTopic;
    final RequestBuilder requests;
    final Interpreter<T> interpreter;
    final Chooser chooser;
    final CompletableFuture<T> result = new CompletableFuture<>();
    private final long deadlineNanos;
    private final long budgetMillis;
    private final LongSupplier nanoClock;
    private final List<ProducerException> failures = new ArrayList<>(2);
    private int attempts;

    Delivery(String userTopic, String wireTopic, RequestBuilder requests, Interpreter<T> interpreter, Chooser chooser,
             long budgetMillis, LongSupplier nanoClock) {
        this.userTopic = userTopic;
        this.wireTopic = wireTopic;
        this.requests = requests;
        this.interpreter = interpreter;
        this.chooser = chooser;
        this.budgetMillis = budgetMillis;
        this.nanoClock = nanoClock;
        this.deadlineNanos = nanoClock.getAsLong() + budgetMillis * 1_000_000L;
    }

    /** Counts a new attempt and returns its number, starting at 1. */
    int startAttempt() {
        return ++attempts;
    }

    int attempts() {
        return attempts;
    }

    long remainingMillis() {
        return (deadlineNanos - nanoClock.getAsLong()) / 1_000_000L;
    }

    void succeed(T value) {
        result.complete(value);
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
        DeliveryTimeoutException timeout = new DeliveryTimeoutException("send to topic " + userTopic
                + " was not acknowledged within " + budgetMillis + " ms (" + attempts + " attempt"
                + (attempts == 1 ? "" : "s") + ")" + (last == null ? "" : "; last: " + last.getMessage()), last);
        for (ProducerException earlier : failures) {
            if (earlier != last) {
                timeout.addSuppressed(earlier);
            }
        }
        result.completeExceptionally(timeout);
    }
}

package io.mqproducer.spring;

import io.mqproducer.SendResult;
import io.mqproducer.TransactionResult;
import io.mqproducer.TransactionState;
import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.message.Message;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@link ProducerOperations} that hands every send to the first {@link Route} (in order) one of whose patterns matches
 * the destination's topic, otherwise to the fallback operations if there are any, otherwise fails with
 * {@link InvalidMessageException} naming the topic and the patterns. Async sends report that failure through their
 * future.
 */
public final class RoutingProducerTemplate implements ProducerOperations {
    private final List<Route> routes;
    private final Supplier<@Nullable ProducerOperations> fallback;

    /**
     * Creates the template.
     *
     * @param routes   the routes, tried in order
     * @param fallback supplies the operations for topics no route matches, or {@code null} for none; asked on each
     *                 unmatched send
     */
    public RoutingProducerTemplate(List<Route> routes, Supplier<@Nullable ProducerOperations> fallback) {
        this.routes = List.copyOf(routes);
        this.fallback = fallback;
    }

    /**
     * A named target and the topic patterns sent to it.
     *
     * @param name       the name, for messages
     * @param patterns   the topic patterns
     * @param operations where matching sends go
     */
    public record Route(String name, List<TopicPattern> patterns, ProducerOperations operations) {

        /** Copies the patterns. */
        public Route {
            patterns = List.copyOf(patterns);
        }

        boolean matches(String topic) {
            return patterns.stream().anyMatch(pattern -> pattern.matches(topic));
        }
    }

    /**
     * The operations a send to {@code destination} ({@code topic} or {@code topic:tag}) goes to.
     *
     * @throws InvalidMessageException when no route matches and there is no fallback
     */
    public ProducerOperations operationsFor(String destination) {
        return forTopic(Destination.parse(destination).topic());
    }

    private ProducerOperations forTopic(String topic) {
        for (Route route : routes) {
            if (route.matches(topic)) {
                return route.operations();
            }
        }
        ProducerOperations operations = fallback.get();
        if (operations == null) {
            throw new InvalidMessageException("no producer for topic '" + topic + "': it matches none of "
                    + routes.stream().map(route -> route.name() + "=" + route.patterns()).toList()
                    + " and there is no default producer");
        }
        return operations;
    }

    private <T> CompletableFuture<T> async(String destination,
            Function<ProducerOperations, CompletableFuture<T>> send) {
        ProducerOperations operations;
        try {
            operations = operationsFor(destination);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return send.apply(operations);
    }

    @Override
    public SendResult send(String destination, Object payload) {
        return operationsFor(destination).send(destination, payload);
    }

    @Override
    public SendResult send(String destination, Object payload, String... keys) {
        return operationsFor(destination).send(destination, payload, keys);
    }

    @Override
    public SendResult send(String destination, Object payload, Collection<String> keys) {
        return operationsFor(destination).send(destination, payload, keys);
    }

    @Override
    public SendResult send(String destination, Object payload, Map<String, String> properties) {
        return operationsFor(destination).send(destination, payload, properties);
    }

    @Override
    public SendResult send(String destination, Object payload, Collection<String> keys,
            Map<String, String> properties) {
        return operationsFor(destination).send(destination, payload, keys, properties);
    }

    @Override
    public SendResult send(Message message) {
        return forTopic(message.topic()).send(message);
    }

    @Override
    public CompletableFuture<SendResult> sendAsync(String destination, Object payload) {
        return async(destination, operations -> operations.sendAsync(destination, payload));
    }

    @Override
    public CompletableFuture<SendResult> sendAsync(String destination, Object payload, String... keys) {
        return async(destination, operations -> operations.sendAsync(destination, payload, keys));
    }

    @Override
    public CompletableFuture<SendResult> sendAsync(String destination, Object payload, Collection<String> keys) {
        return async(destination, operations -> operations.sendAsync(destination, payload, keys));
    }

    @Override
    public CompletableFuture<SendResult> sendAsync(String destination, Object payload,
            Map<String, String> properties) {
        return async(destination, operations -> operations.sendAsync(destination, payload, properties));
    }

    @Override
    public CompletableFuture<SendResult> sendAsync(String destination, Object payload, Collection<String> keys,
            Map<String, String> properties) {
        return async(destination, operations -> operations.sendAsync(destination, payload, keys, properties));
    }

    @Override
    public CompletableFuture<SendResult> sendAsync(Message message) {
        ProducerOperations operations;
        try {
            operations = forTopic(message.topic());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return operations.sendAsync(message);
    }

    @Override
    public void sendOneway(String destination, Object payload) {
        operationsFor(destination).sendOneway(destination, payload);
    }

    @Override
    public void sendOneway(String destination, Object payload, String... keys) {
        operationsFor(destination).sendOneway(destination, payload, keys);
    }

    @Override
    public void sendOneway(String destination, Object payload, Collection<String> keys) {
        operationsFor(destination).sendOneway(destination, payload, keys);
    }

    @Override
    public void sendOneway(String destination, Object payload, Map<String, String> properties) {
        operationsFor(destination).sendOneway(destination, payload, properties);
    }

    @Override
    public void sendOneway(String destination, Object payload, Collection<String> keys,
            Map<String, String> properties) {
        operationsFor(destination).sendOneway(destination, payload, keys, properties);
    }

    @Override
    public void sendOneway(Message message) {
        forTopic(message.topic()).sendOneway(message);
    }

    @Override
    public SendResult sendOrderly(String destination, Object payload, String shardingKey) {
        return operationsFor(destination).sendOrderly(destination, payload, shardingKey);
    }

    @Override
    public SendResult sendOrderly(String destination, Object payload, String shardingKey, Duration timeout) {
        return operationsFor(destination).sendOrderly(destination, payload, shardingKey, timeout);
    }

    @Override
    public List<SendResult> sendBatch(String destination, List<?> payloads) {
        return operationsFor(destination).sendBatch(destination, payloads);
    }

    @Override
    public SendResult sendDelayed(String destination, Object payload, Duration delay) {
        return operationsFor(destination).sendDelayed(destination, payload, delay);
    }

    @Override
    public SendResult sendDelayed(String destination, Object payload, int delayLevel) {
        return operationsFor(destination).sendDelayed(destination, payload, delayLevel);
    }

    @Override
    public SendResult send(String destination, Object payload, Duration timeout) {
        return operationsFor(destination).send(destination, payload, timeout);
    }

    @Override
    public CompletableFuture<SendResult> sendAsync(String destination, Object payload, Duration timeout) {
        return operationsFor(destination).sendAsync(destination, payload, timeout);
    }

    @Override
    public CompletableFuture<SendResult> sendDelayedAsync(String destination, Object payload, Duration delay) {
        return operationsFor(destination).sendDelayedAsync(destination, payload, delay);
    }

    @Override
    public CompletableFuture<SendResult> sendDelayedAsync(String destination, Object payload, int delayLevel) {
        return operationsFor(destination).sendDelayedAsync(destination, payload, delayLevel);
    }

    @Override
    public SendResult sendWithPriority(String destination, Object payload, int priority) {
        return operationsFor(destination).sendWithPriority(destination, payload, priority);
    }

    @Override
    public TransactionResult sendInTransaction(String destination, Object payload,
            Function<Message, TransactionState> localTransaction) {
        return operationsFor(destination).sendInTransaction(destination, payload, localTransaction);
    }

    @Override
    public <T> T sendAndReceive(String destination, Object payload, Class<T> replyType, Duration timeout) {
        return operationsFor(destination).sendAndReceive(destination, payload, replyType, timeout);
    }

    @Override
    public <T> CompletableFuture<T> sendAndReceiveAsync(String destination, Object payload, Class<T> replyType,
            Duration timeout) {
        return async(destination, operations -> operations.sendAndReceiveAsync(destination, payload, replyType,
                timeout));
    }

    @Override
    public void recall(String topic, String recallHandle) {
        forTopic(topic).recall(topic, recallHandle);
    }
}

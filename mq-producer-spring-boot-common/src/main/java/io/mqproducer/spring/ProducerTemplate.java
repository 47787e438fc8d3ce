package io.mqproducer.spring;

import io.mqproducer.Producer;
import io.mqproducer.SendResult;
import io.mqproducer.TransactionResult;
import io.mqproducer.TransactionState;
import io.mqproducer.error.DeliveryTimeoutException;
import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.error.UnexpectedFailureException;
import io.mqproducer.message.Message;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link ProducerOperations} implementation: converts payloads, applies {@link MessageCustomizer}s, sends
 * through a started {@link Producer} and tells a {@link SendListener} (metrics) and {@link ProducerListener}s how each
 * send went. Thread-safe. It does not own the producer: whoever created the producer closes it.
 */
public final class ProducerTemplate implements ProducerOperations {
    private final Producer producer;
    private final MessageAssembler assembler;
    private final SendHooks hooks;
    private final ObservedSends sends;
    private final TemplateRequests requests;

    /** A template that writes JSON with a default {@link JsonMapper} and records nothing. */
    public ProducerTemplate(Producer producer) {
        this(producer, JsonMapper.builder().build(), SendListener.NOOP);
    }

    /** A template without observation (tracing). */
    public ProducerTemplate(Producer producer, JsonMapper jsonMapper, SendListener listener) {
        this(producer, jsonMapper, listener, SendObservation.NONE);
    }

    /**
     * A template.
     *
     * @param producer   a started producer
     * @param jsonMapper writes payloads that are neither bytes nor strings; used as is, never reconfigured
     * @param listener    told about every send that reached the producer
     * @param observation observes each send and may add trace context to the message
     */
    public ProducerTemplate(Producer producer, JsonMapper jsonMapper, SendListener listener,
            SendObservation observation) {
        this(producer, jsonMapper, listener, observation, SendHooks.NONE);
    }

    /**
     * A template with message customizers and producer listeners.
     *
     * @param producer    a started producer
     * @param jsonMapper  writes payloads that are neither bytes nor strings; used as is, never reconfigured
     * @param listener    told about every send that reached the producer
     * @param observation observes each send and may add trace context to the message
     * @param hooks       customizers applied to every message before it is sent, and listeners told how it fared
     */
    public ProducerTemplate(Producer producer, JsonMapper jsonMapper, SendListener listener,
            SendObservation observation, SendHooks hooks) {
        this(producer, JsonCodec.of(jsonMapper), listener, observation, hooks);
    }

    /**
     * A template whose JSON payloads go through {@code json}: the constructor the starters use, with a codec over the
     * application's Jackson mapper (Jackson 3 on Spring Boot 4, Jackson 2 on Spring Boot 3).
     *
     * @param producer    a started producer
     * @param json        writes payloads that are neither bytes nor strings, and reads JSON replies
     * @param listener    told about every send that reached the producer
     * @param observation observes each send and may add trace context to the message
     * @param hooks       customizers applied to every message before it is sent, and listeners told how it fared
     */
    public ProducerTemplate(Producer producer, JsonCodec json, SendListener listener,
            SendObservation observation, SendHooks hooks) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.assembler = new MessageAssembler(json);
        this.hooks = Objects.requireNonNull(hooks, "hooks");
        this.sends = new ObservedSends(producer, Objects.requireNonNull(listener, "listener"),
                Objects.requireNonNull(observation, "observation"), hooks);
        this.requests = new TemplateRequests(producer, assembler, hooks);
    }

    /** The producer this template sends through. */
    public Producer producer() {
        return producer;
    }

    @Override
    public SendResult send(String destination, Object payload) {
        return send(destination, payload, List.of(), Map.of());
    }

    @Override
    public SendResult send(String destination, Object payload, String... keys) {
        return send(destination, payload, keyList(keys), Map.of());
    }

    @Override
    public SendResult send(String destination, Object payload, Collection<String> keys) {
        return send(destination, payload, keys, Map.of());
    }

    @Override
    public SendResult send(String destination, Object payload, Map<String, String> properties) {
        return send(destination, payload, List.of(), properties);
    }

    @Override
    public SendResult send(String destination, Object payload, Collection<String> keys,
            Map<String, String> properties) {
        return send(assembler.assemble(destination, payload, keys, properties));
    }

    @Override
    public SendResult send(Message message) {
        return sends.sync(hooks.customize(checked(message)), SendMode.SYNC, producer::send);
    }

    @Override
    public CompletableFuture<SendResult> sendAsync(String destination, Object payload) {
        return sendAsync(destination, payload, List.of(), Map.of());
    }

    @Override
    public CompletableFuture<SendResult> sendAsync(String destination, Object payload, String... keys) {
        return sendAsync(destination, payload, keyList(keys), Map.of());
    }

    @Override
    public CompletableFuture<SendResult> sendAsync(String destination, Object payload, Collection<String> keys) {
        return sendAsync(destination, payload, keys, Map.of());
    }

    @Override
    public CompletableFuture<SendResult> sendAsync(String destination, Object payload,
            Map<String, String> properties) {
        return sendAsync(destination, payload, List.of(), properties);
    }

    @Override
    public CompletableFuture<SendResult> sendAsync(String destination, Object payload, Collection<String> keys,
            Map<String, String> properties) {
        Message message;
        try {
            message = assembler.assemble(destination, payload, keys, properties);
        } catch (RuntimeException e) {
            // Async callers look only at the future: conversion failures go there too.
            return CompletableFuture.failedFuture(asProducerException(e));
        }
        return sendAsync(message);
    }

    @Override
    public CompletableFuture<SendResult> sendAsync(Message message) {
        if (message == null) {
            return CompletableFuture.failedFuture(new InvalidMessageException("message must not be null"));
        }
        Message customized;
        try {
            customized = hooks.customize(message);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(asProducerException(e));
        }
        return sends.async(customized, null);
    }

    @Override
    public SendResult send(String destination, Object payload, Duration timeout) {
        Message message = assembler.assemble(destination, payload, List.of(), Map.of());
        return sends.sync(hooks.customize(checked(message)), SendMode.SYNC, m -> producer.send(m, timeout));
    }

    @Override
    public CompletableFuture<SendResult> sendAsync(String destination, Object payload, Duration timeout) {
        Message customized;
        try {
            customized = hooks.customize(assembler.assemble(destination, payload, List.of(), Map.of()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(asProducerException(e));
        }
        return sends.async(customized, timeout);
    }

    @Override
    public void sendOneway(String destination, Object payload) {
        sendOneway(destination, payload, List.of(), Map.of());
    }

    @Override
    public void sendOneway(String destination, Object payload, String... keys) {
        sendOneway(destination, payload, keyList(keys), Map.of());
    }

    @Override
    public void sendOneway(String destination, Object payload, Collection<String> keys) {
        sendOneway(destination, payload, keys, Map.of());
    }

    @Override
    public void sendOneway(String destination, Object payload, Map<String, String> properties) {
        sendOneway(destination, payload, List.of(), properties);
    }

    @Override
    public void sendOneway(String destination, Object payload, Collection<String> keys,
            Map<String, String> properties) {
        sendOneway(assembler.assemble(destination, payload, keys, properties));
    }

    @Override
    public void sendOneway(Message message) {
        sends.sync(hooks.customize(checked(message)), SendMode.ONEWAY, observed -> {
            producer.sendOneway(observed);
            return null;
        });
    }

    @Override
    public SendResult sendOrderly(String destination, Object payload, String shardingKey) {
        Message message = hooks.customize(assembler.assemble(destination, payload, List.of(), Map.of()));
        return sends.sync(message, SendMode.SYNC, observed -> producer.sendOrderly(observed, shardingKey));
    }

    @Override
    public SendResult sendOrderly(String destination, Object payload, String shardingKey, Duration timeout) {
        Message message = hooks.customize(assembler.assemble(destination, payload, List.of(), Map.of()));
        return sends.sync(message, SendMode.SYNC, observed -> producer.sendOrderly(observed, shardingKey, timeout));
    }

    @Override
    public List<SendResult> sendBatch(String destination, List<?> payloads) {
        if (payloads == null) {
            throw new InvalidMessageException("payloads must not be null");
        }
        List<Message> messages = new java.util.ArrayList<>(payloads.size());
        for (Object payload : payloads) {
            messages.add(hooks.customize(assembler.assemble(destination, payload, List.of(), Map.of())));
        }
        return sends.batch(destination, messages);
    }

    @Override
    public SendResult sendDelayed(String destination, Object payload, Duration delay) {
        Message message = assembler.assemble(destination, payload, List.of(), Map.of());
        return send(message.toBuilder(message.topic()).deliverAfter(delay).build());
    }

    @Override
    public SendResult sendDelayed(String destination, Object payload, int delayLevel) {
        Message message = assembler.assemble(destination, payload, List.of(), Map.of());
        return send(message.toBuilder(message.topic()).delayLevel(delayLevel).build());
    }

    @Override
    public CompletableFuture<SendResult> sendDelayedAsync(String destination, Object payload, Duration delay) {
        return sendAsyncWith(destination, payload, builder -> builder.deliverAfter(delay));
    }

    @Override
    public CompletableFuture<SendResult> sendDelayedAsync(String destination, Object payload, int delayLevel) {
        return sendAsyncWith(destination, payload, builder -> builder.delayLevel(delayLevel));
    }

    /** An async send of the assembled payload changed by {@code change}; bad input fails the future, never throws. */
    private CompletableFuture<SendResult> sendAsyncWith(String destination, Object payload,
            java.util.function.UnaryOperator<Message.Builder> change) {
        Message message;
        try {
            Message plain = assembler.assemble(destination, payload, List.of(), Map.of());
            message = change.apply(plain.toBuilder(plain.topic())).build();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(asProducerException(e));
        }
        return sendAsync(message);
    }

    @Override
    public SendResult sendWithPriority(String destination, Object payload, int priority) {
        Message message = assembler.assemble(destination, payload, List.of(), Map.of());
        return send(message.toBuilder(message.topic()).priority(priority).build());
    }

    @Override
    public TransactionResult sendInTransaction(String destination, Object payload,
            Function<Message, TransactionState> localTransaction) {
        Message customized = hooks.customize(assembler.assemble(destination, payload, List.of(), Map.of()));
        return sends.transaction(customized, localTransaction);
    }

    @Override
    public <T> T sendAndReceive(String destination, Object payload, Class<T> replyType, Duration timeout) {
        return requests.sendAndReceive(destination, payload, replyType, timeout);
    }

    @Override
    public <T> CompletableFuture<T> sendAndReceiveAsync(String destination, Object payload, Class<T> replyType,
            Duration timeout) {
        return requests.sendAndReceiveAsync(destination, payload, replyType, timeout);
    }

    @Override
    public void recall(String topic, String recallHandle) {
        producer.recall(topic, recallHandle);
    }

    private static Message checked(Message message) {
        if (message == null) {
            throw new InvalidMessageException("message must not be null");
        }
        return message;
    }

    private static List<String> keyList(String... keys) {
        return keys == null ? List.of() : Arrays.asList(keys);
    }

    /** The producer's own exception behind {@code error}; anything else wrapped, so futures only fail with those. */
    static ProducerException asProducerException(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ProducerException producerException) {
            return producerException;
        }
        if (cause instanceof TimeoutException) {
            return new DeliveryTimeoutException("no result within the send timeout", cause);
        }
        return new UnexpectedFailureException("unexpected failure: " + cause.getClass().getName(), cause);
    }
}

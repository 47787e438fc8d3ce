package io.mqproducer;

import static io.mqproducer.spi.SendEvent.Mode.ASYNC;
import static io.mqproducer.spi.SendEvent.Mode.ONEWAY;
import static io.mqproducer.spi.SendEvent.Mode.SYNC;

import io.mqproducer.error.ProducerClosedException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.internal.Failures;
import io.mqproducer.internal.trace.MessageTracer;
import io.mqproducer.internal.trace.TraceMessageType;
import io.mqproducer.message.Message;
import io.mqproducer.spi.MessageQueueSelector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A RocketMQ producer: sends messages to the brokers that serve their topic, found through the name servers.
 *
 * <p>Create one per application (it is thread-safe and holds connections and threads), {@link #start()} it,
 * send, and {@link #close()} it. Every failure is a {@link ProducerException}: thrown by the sync methods,
 * delivered through the future by the async ones.
 *
 * <p>Timeout model: {@link ProducerOptions#sendTimeout()} bounds a whole send, every retry included;
 * {@link ProducerOptions#requestTimeout()} bounds each attempt within it, so that a broker that does not answer
 * leaves time for a retry on another. A send that timed out may still have been stored.
 *
 * <p>Sync methods throw on the caller's thread: a copy of the failure of the same type
 * ({@link ProducerException#copyForRethrow()}) whose cause is the original.
 */
public final class Producer implements AutoCloseable {
    private final ProducerOptions options;
    private final InflightSends inflight;
    private final SendEvents events;
    private final Object lifecycle = new Object();
    private volatile State state = State.NEW;
    /** Set once by {@link #start()}; read only after the state says STARTED (or CLOSED after a start). */
    private volatile ProducerParts parts;

    private enum State { NEW, STARTED, CLOSED }

    private Producer(ProducerOptions options) {
        this.options = options;
        this.inflight = new InflightSends(options.maxInflightAsync());
        this.events = new SendEvents(options.observer());
    }

    /** A producer with the given options; call {@link #start()} before sending. */
    public static Producer create(ProducerOptions options) {
        if (options == null) {
            throw new io.mqproducer.error.InvalidOptionsException("options must not be null");
        }
        return new Producer(options);
    }

    /** Creates the network client and background tasks. Connections are made on first use. */
    public Producer start() {
        synchronized (lifecycle) {
            if (state == State.CLOSED) {
                throw new ProducerClosedException("a closed producer cannot be started again");
            }
            if (state == State.STARTED) {
                return this;
            }
            parts = ProducerParts.start(options);
            state = State.STARTED;
            return this;
        }
    }

    /**
     * Sends and waits for the broker's answer.
     *
     * @throws ProducerException on any failure; {@link io.mqproducer.error.InvalidMessageException} before
     *                           anything is sent, {@link io.mqproducer.error.DeliveryTimeoutException} when the
     *                           send timeout runs out
     */
    public SendResult send(Message message) {
        return sendAndWait(events.start(SYNC, message),
                tracer().single(message, TraceMessageType.NORMAL, () -> parts.sendPath().send(message)));
    }

    /**
     * Like {@link #send(Message)}, but {@code timeout} instead of {@link ProducerOptions#sendTimeout()} bounds this
     * send, retries included (as rocketmq-spring's {@code syncSend(destination, payload, timeout)}). It goes as its
     * own request, never in a shared batch.
     *
     * @throws io.mqproducer.error.InvalidMessageException if {@code timeout} is not positive
     */
    public SendResult send(Message message, Duration timeout) {
        long budget = budgetMillis(timeout);
        return sendAndWait(events.start(SYNC, message), tracer().single(message, TraceMessageType.NORMAL,
                () -> parts.sendPath().send(message, budget)), timeout);
    }

    /**
     * Like {@link #sendAsync(Message)}, but {@code timeout} instead of {@link ProducerOptions#sendTimeout()} bounds
     * this send, retries included; an invalid timeout fails the future.
     */
    public CompletableFuture<SendResult> sendAsync(Message message, Duration timeout) {
        long budget;
        try {
            budget = budgetMillis(timeout);
        } catch (ProducerException e) {
            return CompletableFuture.failedFuture(e);
        }
        return async(events.start(ASYNC, message),
                tracer().single(message, TraceMessageType.NORMAL, () -> parts.sendPath().send(message, budget)));
    }

    private static long budgetMillis(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new io.mqproducer.error.InvalidMessageException("send timeout must be a positive duration, was "
                    + timeout);
        }
        return timeout.toMillis();
    }

    /**
     * Sends to the queue {@code selector} picks and waits for the answer. Messages the selector maps to the
     * same queue are stored in the order they were sent.
     */
    public SendResult send(Message message, MessageQueueSelector selector) {
        return sendAndWait(events.start(SYNC, message),
                tracer().single(message, TraceMessageType.ORDER, () -> parts.sendPath().send(message, selector)));
    }

    /** Orderly send: every message with the same {@code shardingKey} goes to the same queue, in order. */
    public SendResult sendOrderly(Message message, String shardingKey) {
        return sendAndWait(events.start(SYNC, message), tracer().single(message, TraceMessageType.ORDER,
                () -> parts.sendPath().send(message, MessageQueueSelector.byHash(shardingKey))));
    }

    /** Like {@link #sendOrderly(Message, String)}, with {@code timeout} bounding this send, retries included. */
    public SendResult sendOrderly(Message message, String shardingKey, Duration timeout) {
        long budget = budgetMillis(timeout);
        return sendAndWait(events.start(SYNC, message), tracer().single(message, TraceMessageType.ORDER,
                () -> parts.sendPath().send(message, MessageQueueSelector.byHash(shardingKey), budget)), timeout);
    }

    /**
     * Sends messages of one topic as batches and waits for the answers. A batch larger than the message size
     * limit goes as several requests; if a later one fails, a {@link io.mqproducer.error.PartialBatchException}
     * lists what was stored.
     */
    public List<SendResult> sendBatch(List<Message> messages) {
        return sendAndWait(events.start(SYNC, messages),
                tracer().batch(messages, () -> parts.sendPath().sendBatch(messages)));
    }

    /**
     * Sends without blocking on the broker. The future completes on a producer callback thread, never on a
     * network thread, and every failure (validation included) arrives through it as a {@link ProducerException}.
     * When {@link ProducerOptions#maxInflightAsync()} sends are already in flight, the caller waits up to the
     * send timeout for a slot and then gets a {@link io.mqproducer.error.ProducerBusyException}.
     */
    public CompletableFuture<SendResult> sendAsync(Message message) {
        return async(events.start(ASYNC, message),
                tracer().single(message, TraceMessageType.NORMAL, () -> parts.sendPath().sendAsync(message)));
    }

    /** Async variant of {@link #send(Message, MessageQueueSelector)}. */
    public CompletableFuture<SendResult> sendAsync(Message message, MessageQueueSelector selector) {
        return async(events.start(ASYNC, message),
                tracer().single(message, TraceMessageType.ORDER, () -> parts.sendPath().send(message, selector)));
    }

    /** Async variant of {@link #sendBatch(List)}. */
    public CompletableFuture<List<SendResult>> sendBatchAsync(List<Message> messages) {
        return async(events.start(ASYNC, messages),
                tracer().batch(messages, () -> parts.sendPath().sendBatch(messages)));
    }

    /**
     * Writes the message to a broker without waiting for its answer: fastest, but a lost message goes
     * unnoticed. Returns once the message is on the socket; errors before that are thrown.
     */
    public void sendOneway(Message message) {
        sendAndWait(events.start(ONEWAY, message),
                tracer().single(message, TraceMessageType.NORMAL, () -> parts.sendPath().sendOneway(message)));
    }

    /**
     * Sends {@code message} as a transactional half message, runs {@code localTransaction} on this thread once
     * the broker stored it, and commits or rolls back as it returns. {@link TransactionState#UNKNOWN} (or an
     * exception, which is rethrown) leaves the decision to the {@link ProducerOptions#transactionChecker()},
     * which the broker asks later.
     */
    public TransactionResult sendInTransaction(Message message,
                                               java.util.function.Function<Message, TransactionState> localTransaction) {
        if (localTransaction == null) {
            throw new io.mqproducer.error.InvalidMessageException("local transaction must not be null");
        }
        SendEvents.Started started = events.startTransaction(message);
        try {
            SendResult half = sendAndWait(tracer().single(message, TraceMessageType.TRANSACTION_HALF,
                    () -> parts.transactions().sendHalf(message)), options.sendTimeout());
            TransactionResult result = sendAndWait(
                    () -> parts.transactions().complete(message, half, localTransaction), options.sendTimeout());
            started.done(null);
            return result;
        } catch (RuntimeException | Error e) {
            started.done(e);
            throw e;
        }
    }

    /**
     * Request-reply: sends {@code message} and completes, on a callback thread, with the reply a responder sends back
     * (RocketMQ's {@code MessageUtil.createReplyMessage}). Fails with a
     * {@link io.mqproducer.error.RequestReplyTimeoutException} when none arrives within {@code timeout} (send
     * included), with a {@link io.mqproducer.error.RequestReplyNotSupportedException} through a RocketMQ 5 proxy.
     */
    public CompletableFuture<ReplyMessage> request(Message message, Duration timeout) {
        return onCallbackThread(() -> parts.requestReply().request(message, timeout));
    }

    /**
     * Withdraws a timer message before its delivery time by its {@link SendResult#recallHandle()} (RocketMQ 5.3.2+);
     * a broker with recall switched off (its default) fails it with a {@link io.mqproducer.error.RecallDisabledException}.
     */
    public void recall(String topic, String recallHandle) {
        sendAndWait(() -> parts.recalls().recall(topic, recallHandle), options.sendTimeout());
    }

    /** Async variant of {@link #recall(String, String)}. */
    public CompletableFuture<Void> recallAsync(String topic, String recallHandle) {
        return onCallbackThread(() -> parts.recalls().recall(topic, recallHandle).thenApply(id -> null));
    }

    /**
     * Probes every name server and every broker this producer routes to, all at once; completes within
     * {@code timeout} (for health checks).
     */
    public CompletableFuture<ConnectivityReport> checkConnectivity(Duration timeout) {
        if (state != State.STARTED) {
            return CompletableFuture.failedFuture(new ProducerClosedException("producer is not running"));
        }
        return parts.probe().probe(parts.routes().brokerAddresses(), Math.max(1, timeout.toMillis()));
    }

    /**
     * The routes this producer has cached, by topic (wire name, with namespace): a read-only snapshot for
     * diagnostics. Empty before the first send and once closed.
     */
    public List<TopicRoute> routes() {
        if (state != State.STARTED) {
            return List.of();
        }
        return ProducerDiagnostics.routes(parts.routes());
    }

    /**
     * What queue selection knows about each broker it has sent to, by broker name: a read-only snapshot for
     * diagnostics and metrics.
     */
    public Map<String, BrokerState> brokerStates() {
        ProducerParts started = parts;
        if (started == null) {
            return Map.of();
        }
        return ProducerDiagnostics.brokerStates(started.availability());
    }

    /** The options this producer was built with. */
    public ProducerOptions options() {
        return options;
    }

    /** Sends started and not yet finished. */
    public int inflightSends() {
        return inflight.count();
    }

    /**
     * Message trace records not written so far: dropped because the trace queue was full, because their trace
     * message failed, or because {@link #close()} could not write them in time. Always 0 with trace off.
     */
    public long traceRecordsDropped() {
        return tracer().dropped();
    }

    /** Whether {@link #start()} was called and {@link #close()} was not. */
    public boolean isRunning() {
        return state == State.STARTED;
    }

    /**
     * Stops accepting sends, lets in-flight sends finish (within the send timeout), then closes connections
     * and threads. Sends still unfinished fail with {@link ProducerClosedException}. Idempotent.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (state == State.CLOSED) {
                return;
            }
            boolean started = state == State.STARTED;
            state = State.CLOSED;
            if (!started) {
                return;
            }
        }
        parts.close(inflight, options.sendTimeout().toMillis());
    }

    /**
     * A blocking send: counted as in flight while the caller waits (so the count drops before the caller sees the
     * result), without a completion stage of its own.
     */
    private <T> T sendAndWait(Supplier<CompletableFuture<T>> send, Duration timeout) {
        checkStarted();
        inflight.increment();
        try {
            return SyncWait.await(send.get(), timeout);
        } catch (RuntimeException e) {
            throw Failures.asProducerException(e);
        } finally {
            inflight.decrement();
        }
    }

    /** A blocking send told to the observer once it ended. */
    private <T> T sendAndWait(SendEvents.Started started, Supplier<CompletableFuture<T>> send) {
        return sendAndWait(started, send, options.sendTimeout());
    }

    private <T> T sendAndWait(SendEvents.Started started, Supplier<CompletableFuture<T>> send, Duration timeout) {
        try {
            T result = sendAndWait(send, timeout);
            started.done(null);
            return result;
        } catch (ProducerException e) {
            started.done(e);
            throw e;
        }
    }

    /** The tracer once started; {@link MessageTracer#OFF} before (then the send fails as not started anyway). */
    private MessageTracer tracer() {
        ProducerParts started = parts;
        return started == null ? MessageTracer.OFF : started.tracer();
    }

    private void checkStarted() {
        if (state != State.STARTED) {
            throw notRunning();
        }
    }

    private ProducerClosedException notRunning() {
        return new ProducerClosedException(state == State.NEW
                ? "producer is not started: call start() first" : "producer is closed");
    }

    private <T> CompletableFuture<T> async(SendEvents.Started started, Supplier<CompletableFuture<T>> send) {
        if (state != State.STARTED) {
            CompletableFuture<T> failed = track(send, () -> { }); // fails at once, without taking a slot
            failed.whenComplete((result, error) -> started.done(error == null ? null : Failures.unwrap(error)));
            return failed;
        }
        try {
            inflight.acquireAsyncSlot(options.sendTimeout());
        } catch (ProducerException e) {
            started.done(e);
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<T> internal = track(send, inflight::releaseAsyncSlot);
        CompletableFuture<T> external = new CompletableFuture<>();
        // Completed on a callback thread: user code must never run on (and block) a network thread.
        internal.whenComplete((result, error) -> {
            started.done(error == null ? null : Failures.asProducerException(error));
            parts.handOff().complete(external, result, error);
        });
        return external;
    }

    /** Tracked like a send, completed on a callback thread (user code never runs on a network thread). */
    private <T> CompletableFuture<T> onCallbackThread(Supplier<CompletableFuture<T>> work) {
        CompletableFuture<T> internal = track(work, () -> { });
        if (internal.isDone()) {
            return internal; // failed before anything was sent (not started, invalid)
        }
        CompletableFuture<T> external = new CompletableFuture<>();
        internal.whenComplete((result, error) -> parts.handOff().complete(external, result, error));
        return external;
    }

    /** Counts the send as in flight until its future completes; {@code afterDone} runs right after the count drops. */
    private <T> CompletableFuture<T> track(Supplier<CompletableFuture<T>> send, Runnable afterDone) {
        if (state != State.STARTED) {
            return CompletableFuture.failedFuture(notRunning());
        }
        return inflight.track(send, afterDone);
    }
}

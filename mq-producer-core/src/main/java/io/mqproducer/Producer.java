package io.mqproducer;

import io.mqproducer.error.ProducerClosedException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.internal.Failures;
import io.mqproducer.internal.batch.RoundRobinSends;
import io.mqproducer.internal.client.ConnectivityProbe;
import io.mqproducer.internal.client.Heartbeats;
import io.mqproducer.internal.log.OperatorLog;
import io.mqproducer.internal.protocol.Namespace;
import io.mqproducer.internal.route.NameServerClient;
import io.mqproducer.internal.transaction.CheckBackHandler;
import io.mqproducer.internal.transaction.TransactionCoordinator;
import io.mqproducer.internal.route.TopicRouteCache;
import io.mqproducer.internal.select.BrokerAvailability;
import io.mqproducer.internal.send.SendPipeline;
import io.mqproducer.internal.transport.InboundRequestHandler;
import io.mqproducer.internal.transport.RemotingClient;
import io.mqproducer.internal.transport.TlsSettings;
import io.mqproducer.message.Message;
import io.mqproducer.spi.MessageQueueSelector;
import java.time.Duration;
import java.util.List;
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
    private final Object lifecycle = new Object();
    private volatile State state = State.NEW;
    private RemotingClient client;
    private ProducerRuntime runtime;
    private SendPipeline pipeline;
    private TopicRouteCache routes;
    private ConnectivityProbe probe;
    private Heartbeats heartbeats;
    private TransactionCoordinator transactions;
    private RoundRobinSends roundRobin;
    private CallbackHandOff handOff;

    private static final long UNREGISTER_TIMEOUT_MILLIS = 1000;

    private enum State { NEW, STARTED, CLOSED }

    private Producer(ProducerOptions options) {
        this.options = options;
        this.inflight = new InflightSends(options.maxInflightAsync());
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
            Namespace namespace = new Namespace(options.namespace());
            String wireGroup = namespace.wrap(options.producerGroup());
            long timeoutMillis = options.sendTimeout().toMillis();
            runtime = new ProducerRuntime(options);
            handOff = new CallbackHandOff(runtime.callbacks());
            InboundRequestHandler inbound = options.transactionChecker() == null ? InboundRequestHandler.UNSUPPORTED
                    : new CheckBackHandler(options.transactionChecker(), () -> client, runtime.callbacks(), namespace,
                    timeoutMillis);
            client = new RemotingClient(options.ioThreads(), options.connectTimeout(), options.headerFormat(), inbound,
                    options.credentials(), options.tlsContext() == null ? null
                    : new TlsSettings(options.tlsContext(), options.tlsVerifyHostname()));
            heartbeats = new Heartbeats(client, options.clientId(), wireGroup);
            OperatorLog operatorLog = OperatorLog.slf4j();
            routes = new TopicRouteCache(new NameServerClient(client, options.nameServers(),
                    options.requestTimeout().toMillis(), timeoutMillis, operatorLog),
                    broker -> heartbeats.send(broker, timeoutMillis), operatorLog);
            probe = new ConnectivityProbe(client, options.nameServers(), heartbeats);
            pipeline = new SendPipeline(client, routes, new BrokerAvailability(), options, operatorLog);
            transactions = new TransactionCoordinator(pipeline, routes, client, namespace, wireGroup, timeoutMillis);
            roundRobin = new RoundRobinSends(pipeline, options, runtime.scheduler());
            runtime.schedule(options.routeRefreshInterval().toMillis(), routes::refreshAll,
                    () -> heartbeats.sendAll(routes.brokerAddresses(), timeoutMillis));
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
        return sendAndWait(() -> roundRobin.send(message));
    }

    /**
     * Sends to the queue {@code selector} picks and waits for the answer. Messages the selector maps to the
     * same queue are stored in the order they were sent.
     */
    public SendResult send(Message message, MessageQueueSelector selector) {
        return sendAndWait(() -> pipeline.send(message, selector));
    }

    /** Orderly send: every message with the same {@code shardingKey} goes to the same queue, in order. */
    public SendResult sendOrderly(Message message, String shardingKey) {
        return sendAndWait(() -> pipeline.send(message, MessageQueueSelector.byHash(shardingKey)));
    }

    /**
     * Sends messages of one topic as batches and waits for the answers. A batch larger than the message size
     * limit goes as several requests; if a later one fails, a {@link io.mqproducer.error.PartialBatchException}
     * lists what was stored.
     */
    public List<SendResult> sendBatch(List<Message> messages) {
        return sendAndWait(() -> pipeline.sendBatch(messages));
    }

    /**
     * Sends without blocking on the broker. The future completes on a producer callback thread, never on a
     * network thread, and every failure (validation included) arrives through it as a {@link ProducerException}.
     * When {@link ProducerOptions#maxInflightAsync()} sends are already in flight, the caller waits up to the
     * send timeout for a slot and then gets a {@link io.mqproducer.error.ProducerBusyException}.
     */
    public CompletableFuture<SendResult> sendAsync(Message message) {
        return async(() -> roundRobin.sendAsync(message));
    }

    /** Async variant of {@link #send(Message, MessageQueueSelector)}. */
    public CompletableFuture<SendResult> sendAsync(Message message, MessageQueueSelector selector) {
        return async(() -> pipeline.send(message, selector));
    }

    /** Async variant of {@link #sendBatch(List)}. */
    public CompletableFuture<List<SendResult>> sendBatchAsync(List<Message> messages) {
        return async(() -> pipeline.sendBatch(messages));
    }

    /**
     * Writes the message to a broker without waiting for its answer: fastest, but a lost message goes
     * unnoticed. Returns once the message is on the socket; errors before that are thrown.
     */
    public void sendOneway(Message message) {
        sendAndWait(() -> pipeline.sendOneway(message));
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
        SendResult half = sendAndWait(() -> transactions.sendHalf(message));
        return sendAndWait(() -> transactions.complete(message, half, localTransaction));
    }

    /**
     * Probes every name server and every broker this producer routes to, all at once; completes within
     * {@code timeout} (for health checks).
     */
    public CompletableFuture<ConnectivityReport> checkConnectivity(Duration timeout) {
        if (state != State.STARTED) {
            return CompletableFuture.failedFuture(new ProducerClosedException("producer is not running"));
        }
        return probe.probe(routes.brokerAddresses(), Math.max(1, timeout.toMillis()));
    }

    /** The options this producer was built with. */
    public ProducerOptions options() {
        return options;
    }

    /** Sends started and not yet finished. */
    public int inflightSends() {
        return inflight.count();
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
        roundRobin.flush();
        inflight.awaitIdle(options.sendTimeout().toMillis());
        runtime.stopScheduler();
        heartbeats.unregisterAll(routes.brokerAddresses(), UNREGISTER_TIMEOUT_MILLIS);
        client.close();
        runtime.stopCallbacks();
    }

    /**
     * A blocking send: counted as in flight while the caller waits (so the count drops before the caller sees the
     * result), without a completion stage of its own.
     */
    private <T> T sendAndWait(Supplier<CompletableFuture<T>> send) {
        checkStarted();
        inflight.increment();
        try {
            return SyncWait.await(send.get(), options.sendTimeout());
        } catch (RuntimeException e) {
            throw Failures.asProducerException(e);
        } finally {
            inflight.decrement();
        }
    }

    private void checkStarted() {
        if (state != State.STARTED) {
            throw new ProducerClosedException(state == State.NEW
                    ? "producer is not started: call start() first" : "producer is closed");
        }
    }

    private <T> CompletableFuture<T> async(Supplier<CompletableFuture<T>> send) {
        if (state != State.STARTED) {
            return track(send); // fails at once, without taking a slot
        }
        try {
            inflight.acquireAsyncSlot(options.sendTimeout());
        } catch (ProducerException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<T> internal = track(send, inflight::releaseAsyncSlot);
        CompletableFuture<T> external = new CompletableFuture<>();
        // Completed on a callback thread: user code must never run on (and block) a network thread.
        internal.whenComplete((result, error) -> handOff.complete(external, result, error));
        return external;
    }

    private <T> CompletableFuture<T> track(Supplier<CompletableFuture<T>> send) {
        return track(send, () -> { });
    }

    /** Counts the send as in flight until its future completes; {@code afterDone} runs right after the count drops. */
    private <T> CompletableFuture<T> track(Supplier<CompletableFuture<T>> send, Runnable afterDone) {
        if (state != State.STARTED) {
            return CompletableFuture.failedFuture(new ProducerClosedException(state == State.NEW
                    ? "producer is not started: call start() first" : "producer is closed"));
        }
        inflight.increment();
        CompletableFuture<T> future;
        try {
            future = send.get();
        } catch (RuntimeException e) {
            inflight.decrement();
            afterDone.run();
            return CompletableFuture.failedFuture(Failures.asProducerException(e));
        }
        // The caller sees the result only after the count dropped, so inflightSends() never lags behind it.
        return future.whenComplete((r, e) -> {
            inflight.decrement();
            afterDone.run();
        });
    }
}

package io.mqproducer;

import static io.mqproducer.spi.SendEvent.Mode.ASYNC;
import static io.mqproducer.spi.SendEvent.Mode.ONEWAY;
import static io.mqproducer.spi.SendEvent.Mode.SYNC;

import io.mqproducer.error.ProducerClosedException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.internal.Failures;
import io.mqproducer.internal.batch.AutomaticBatching;
import io.mqproducer.internal.client.ConnectivityProbe;
import io.mqproducer.internal.client.Heartbeats;
import io.mqproducer.internal.codec.HeaderFormat;
import io.mqproducer.internal.log.OperatorLog;
import io.mqproducer.internal.protocol.Namespace;
import io.mqproducer.internal.recall.MessageRecall;
import io.mqproducer.internal.reply.ReplyPushHandler;
import io.mqproducer.internal.reply.RequestReply;
import io.mqproducer.internal.route.NameServerClient;
import io.mqproducer.internal.transaction.CheckBackHandler;
import io.mqproducer.internal.transaction.TransactionCoordinator;
import io.mqproducer.internal.transaction.TransactionDecisions;
import io.mqproducer.internal.route.TopicRouteCache;
import io.mqproducer.internal.select.BrokerAvailability;
import io.mqproducer.internal.deliver.BrokerChannel;
import io.mqproducer.internal.deliver.Deliverer;
import io.mqproducer.internal.deliver.RouteSource;
import io.mqproducer.internal.encode.MessageEncoder;
import io.mqproducer.internal.send.SendPath;
import io.mqproducer.internal.trace.MessageTracer;
import io.mqproducer.internal.trace.TraceMessage;
import io.mqproducer.internal.trace.TraceMessageType;
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
    private final SendEvents events;
    private final Object lifecycle = new Object();
    private volatile State state = State.NEW;
    private RemotingClient client;
    private ProducerRuntime runtime;
    private SendPath sendPath;
    private TopicRouteCache routes;
    private ConnectivityProbe probe;
    private Heartbeats heartbeats;
    private TransactionCoordinator transactions;
    private CallbackHandOff handOff;
    private BrokerAvailability availability;
    private volatile MessageTracer tracer = MessageTracer.OFF;
    private RequestReply requestReply;
    private MessageRecall recalls;

    private static final long UNREGISTER_TIMEOUT_MILLIS = 1000;
    /** Stands in for the trace topic in the message built for a trace record: system topic names fail validation. */
    private static final String TRACE_CARRIER_TOPIC = "mq-producer-trace";

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
            Namespace namespace = new Namespace(options.namespace());
            String wireGroup = namespace.wrap(options.producerGroup());
            long timeoutMillis = options.sendTimeout().toMillis();
            runtime = new ProducerRuntime(options);
            handOff = new CallbackHandOff(runtime.callbacks());
            // Check-backs are answered even without a checker: from the decisions this producer made (see
            // TransactionDecisions for why a proxy makes that necessary).
            TransactionDecisions decisions = TransactionCoordinator.newDecisions();
            InboundRequestHandler checkBacks = new CheckBackHandler(options.transactionChecker(), decisions,
                    () -> client, runtime.callbacks(), namespace, timeoutMillis, () -> tracer);
            ReplyPushHandler inbound = new ReplyPushHandler(checkBacks);
            client = new RemotingClient(options.ioThreads(), options.connectTimeout(),
                    HeaderFormat.of(options.binaryHeaders()), inbound, options.credentials(),
                    options.tlsContext() == null ? null
                    : new TlsSettings(options.tlsContext(), options.tlsVerifyHostname()));
            heartbeats = new Heartbeats(client, options.clientId(), wireGroup);
            OperatorLog operatorLog = OperatorLog.slf4j();
            NameServerClient nameServers = new NameServerClient(client, options.nameServers(),
                    options.requestTimeout().toMillis(), timeoutMillis, operatorLog);
            routes = new TopicRouteCache(nameServers,
                    broker -> heartbeats.send(broker, timeoutMillis), operatorLog, options.observer());
            probe = new ConnectivityProbe(client, options.nameServers(), heartbeats);
            availability = new BrokerAvailability();
            Deliverer deliverer = new Deliverer(BrokerChannel.of(client), RouteSource.of(routes), availability,
                    new Deliverer.Settings(wireGroup, namespace, options.retries(), options.requestTimeout().toMillis(),
                            timeoutMillis, options.maxMessageSize(), options.observer()), operatorLog);
            sendPath = new SendPath(new MessageEncoder(options),
                    new AutomaticBatching(deliverer, options, runtime.scheduler()), deliverer, timeoutMillis);
            if (options.traceEnabled()) {
                tracer = startTracer(namespace);
            }
            transactions = new TransactionCoordinator(sendPath, routes, client, namespace, wireGroup, timeoutMillis,
                    decisions, options.transactionChecker() != null, tracer);
            requestReply = new RequestReply(inbound, sendPath, client, routes, nameServers, heartbeats, namespace,
                    wireGroup, options.clientId(), timeoutMillis);
            recalls = new MessageRecall(client, routes, namespace, wireGroup, timeoutMillis);
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
        return sendAndWait(events.start(SYNC, message),
                tracer.single(message, TraceMessageType.NORMAL, () -> sendPath.send(message)));
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
        return sendAndWait(events.start(SYNC, message), tracer.single(message, TraceMessageType.NORMAL,
                () -> sendPath.send(message, budget)), timeout);
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
                tracer.single(message, TraceMessageType.NORMAL, () -> sendPath.send(message, budget)));
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
                tracer.single(message, TraceMessageType.ORDER, () -> sendPath.send(message, selector)));
    }

    /** Orderly send: every message with the same {@code shardingKey} goes to the same queue, in order. */
    public SendResult sendOrderly(Message message, String shardingKey) {
        return sendAndWait(events.start(SYNC, message), tracer.single(message, TraceMessageType.ORDER,
                () -> sendPath.send(message, MessageQueueSelector.byHash(shardingKey))));
    }

    /** Like {@link #sendOrderly(Message, String)}, with {@code timeout} bounding this send, retries included. */
    public SendResult sendOrderly(Message message, String shardingKey, Duration timeout) {
        long budget = budgetMillis(timeout);
        return sendAndWait(events.start(SYNC, message), tracer.single(message, TraceMessageType.ORDER,
                () -> sendPath.send(message, MessageQueueSelector.byHash(shardingKey), budget)), timeout);
    }

    /**
     * Sends messages of one topic as batches and waits for the answers. A batch larger than the message size
     * limit goes as several requests; if a later one fails, a {@link io.mqproducer.error.PartialBatchException}
     * lists what was stored.
     */
    public List<SendResult> sendBatch(List<Message> messages) {
        return sendAndWait(events.start(SYNC, messages), tracer.batch(messages, () -> sendPath.sendBatch(messages)));
    }

    /**
     * Sends without blocking on the broker. The future completes on a producer callback thread, never on a
     * network thread, and every failure (validation included) arrives through it as a {@link ProducerException}.
     * When {@link ProducerOptions#maxInflightAsync()} sends are already in flight, the caller waits up to the
     * send timeout for a slot and then gets a {@link io.mqproducer.error.ProducerBusyException}.
     */
    public CompletableFuture<SendResult> sendAsync(Message message) {
        return async(events.start(ASYNC, message),
                tracer.single(message, TraceMessageType.NORMAL, () -> sendPath.sendAsync(message)));
    }

    /** Async variant of {@link #send(Message, MessageQueueSelector)}. */
    public CompletableFuture<SendResult> sendAsync(Message message, MessageQueueSelector selector) {
        return async(events.start(ASYNC, message),
                tracer.single(message, TraceMessageType.ORDER, () -> sendPath.send(message, selector)));
    }

    /** Async variant of {@link #sendBatch(List)}. */
    public CompletableFuture<List<SendResult>> sendBatchAsync(List<Message> messages) {
        return async(events.start(ASYNC, messages), tracer.batch(messages, () -> sendPath.sendBatch(messages)));
    }

    /**
     * Writes the message to a broker without waiting for its answer: fastest, but a lost message goes
     * unnoticed. Returns once the message is on the socket; errors before that are thrown.
     */
    public void sendOneway(Message message) {
        sendAndWait(events.start(ONEWAY, message),
                tracer.single(message, TraceMessageType.NORMAL, () -> sendPath.sendOneway(message)));
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
            SendResult half = sendAndWait(tracer.single(message, TraceMessageType.TRANSACTION_HALF,
                    () -> transactions.sendHalf(message)));
            TransactionResult result = sendAndWait(() -> transactions.complete(message, half, localTransaction));
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
        return onCallbackThread(() -> requestReply.request(message, timeout));
    }

    /**
     * Withdraws a timer message before its delivery time by its {@link SendResult#recallHandle()} (RocketMQ 5.3.2+);
     * a broker with recall switched off (its default) fails it with a {@link io.mqproducer.error.RecallDisabledException}.
     */
    public void recall(String topic, String recallHandle) {
        sendAndWait(() -> recalls.recall(topic, recallHandle));
    }

    /** Async variant of {@link #recall(String, String)}. */
    public CompletableFuture<Void> recallAsync(String topic, String recallHandle) {
        return onCallbackThread(() -> recalls.recall(topic, recallHandle).thenApply(id -> null));
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

    /**
     * The routes this producer has cached, by topic (wire name, with namespace): a read-only snapshot for
     * diagnostics. Empty before the first send and once closed.
     */
    public List<TopicRoute> routes() {
        TopicRouteCache cache = routes;
        if (state != State.STARTED || cache == null) {
            return List.of();
        }
        return cache.snapshot().values().stream().map(Producer::route).toList();
    }

    /**
     * What queue selection knows about each broker it has sent to, by broker name: a read-only snapshot for
     * diagnostics and metrics.
     */
    public java.util.Map<String, BrokerState> brokerStates() {
        BrokerAvailability known = availability;
        if (known == null) {
            return java.util.Map.of();
        }
        java.util.Map<String, Long> avoided = known.avoidedUntil();
        java.util.Map<String, Long> latencies = known.lastLatencies();
        java.util.Map<String, BrokerState> states = new java.util.TreeMap<>();
        java.util.Set<String> names = new java.util.TreeSet<>(latencies.keySet());
        names.addAll(avoided.keySet());
        for (String name : names) {
            Long until = avoided.get(name);
            states.put(name, new BrokerState(name, until == null ? null : java.time.Instant.ofEpochMilli(until),
                    latencies.getOrDefault(name, -1L)));
        }
        return states;
    }

    private static TopicRoute route(io.mqproducer.internal.route.TopicPublishInfo info) {
        java.util.Map<String, Integer> queues = new java.util.TreeMap<>();
        info.queues().forEach(queue -> queues.merge(queue.brokerName(), 1, Integer::sum));
        List<TopicRoute.Broker> brokers = queues.entrySet().stream()
                .map(e -> new TopicRoute.Broker(e.getKey(), info.masterAddress(e.getKey()), e.getValue()))
                .toList();
        return new TopicRoute(info.topic(), brokers, info.viaDefaultTopic());
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
        return tracer.dropped();
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
        sendPath.flush();
        inflight.awaitIdle(options.sendTimeout().toMillis());
        tracer.close(options.sendTimeout().toMillis()); // the last sends' records, while the client still runs
        runtime.stopScheduler();
        requestReply.close(new ProducerClosedException("producer closed while a request waited for its reply"));
        heartbeats.unregisterAll(routes.brokerAddresses(), UNREGISTER_TIMEOUT_MILLIS);
        client.close();
        runtime.stopCallbacks();
    }

    /**
     * A blocking send: counted as in flight while the caller waits (so the count drops before the caller sees the
     * result), without a completion stage of its own.
     */
    private <T> T sendAndWait(Supplier<CompletableFuture<T>> send) {
        return sendAndWait(send, options.sendTimeout());
    }

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

    /**
     * Trace messages go straight into the pipeline: not counted as sends, not told to the observer, not traced.
     * Their store host, for oneway sends, comes from the cached route.
     */
    private MessageTracer startTracer(Namespace namespace) {
        String traceTopic = options.traceTopic();
        return MessageTracer.start(options.producerGroup(), traceTopic, options.maxMessageSize(),
                (TraceMessage trace) -> sendPath.sendToTopic(traceTopic, Message.builder(TRACE_CARRIER_TOPIC)
                        .body(trace.body()).keys(trace.keys()).build()),
                (topic, brokerName) -> {
                    CompletableFuture<io.mqproducer.internal.route.TopicPublishInfo> route =
                            routes.publishInfo(namespace.wrap(topic));
                    return route.isDone() && !route.isCompletedExceptionally()
                            ? route.getNow(null).masterAddress(brokerName) : null;
                });
    }

    private void checkStarted() {
        if (state != State.STARTED) {
            throw new ProducerClosedException(state == State.NEW
                    ? "producer is not started: call start() first" : "producer is closed");
        }
    }

    private <T> CompletableFuture<T> async(SendEvents.Started started, Supplier<CompletableFuture<T>> send) {
        if (state != State.STARTED) {
            CompletableFuture<T> failed = track(send); // fails at once, without taking a slot
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
            handOff.complete(external, result, error);
        });
        return external;
    }

    /** Tracked like a send, completed on a callback thread (user code never runs on a network thread). */
    private <T> CompletableFuture<T> onCallbackThread(Supplier<CompletableFuture<T>> work) {
        CompletableFuture<T> internal = track(work);
        if (internal.isDone()) {
            return internal; // failed before anything was sent (not started, invalid)
        }
        CompletableFuture<T> external = new CompletableFuture<>();
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

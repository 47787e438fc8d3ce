package io.mqproducer;

import io.mqproducer.error.ProducerClosedException;
import io.mqproducer.internal.batch.AutomaticBatching;
import io.mqproducer.internal.client.ConnectivityProbe;
import io.mqproducer.internal.client.Heartbeats;
import io.mqproducer.internal.codec.HeaderFormat;
import io.mqproducer.internal.deliver.BrokerChannel;
import io.mqproducer.internal.deliver.Deliverer;
import io.mqproducer.internal.deliver.RouteSource;
import io.mqproducer.internal.encode.MessageEncoder;
import io.mqproducer.internal.log.OperatorLog;
import io.mqproducer.internal.protocol.Namespace;
import io.mqproducer.internal.recall.MessageRecall;
import io.mqproducer.internal.reply.ReplyPushHandler;
import io.mqproducer.internal.reply.RequestReply;
import io.mqproducer.internal.route.NameServerClient;
import io.mqproducer.internal.route.TopicPublishInfo;
import io.mqproducer.internal.route.TopicRouteCache;
import io.mqproducer.internal.select.BrokerAvailability;
import io.mqproducer.internal.send.SendPath;
import io.mqproducer.internal.trace.MessageTracer;
import io.mqproducer.internal.trace.TraceMessage;
import io.mqproducer.internal.transaction.CheckBackHandler;
import io.mqproducer.internal.transaction.TransactionCoordinator;
import io.mqproducer.internal.transaction.TransactionDecisions;
import io.mqproducer.internal.transport.RemotingClient;
import io.mqproducer.internal.transport.TlsSettings;
import io.mqproducer.message.Message;
import java.util.concurrent.CompletableFuture;

/**
 * A started producer's parts, assembled in dependency order by {@link #start} and taken down in the reverse
 * dependency order by {@link #close}: the one place that knows how the producer is put together. Immutable.
 */
record ProducerParts(ProducerRuntime runtime, CallbackHandOff handOff, RemotingClient client, Heartbeats heartbeats,
                     TopicRouteCache routes, ConnectivityProbe probe, BrokerAvailability availability,
                     SendPath sendPath, MessageTracer tracer, TransactionCoordinator transactions,
                     RequestReply requestReply, MessageRecall recalls) {

    private static final long UNREGISTER_TIMEOUT_MILLIS = 1000;
    /** Stands in for the trace topic in the message built for a trace record: system topic names fail validation. */
    private static final String TRACE_CARRIER_TOPIC = "mq-producer-trace";

    /**
     * Threads, then the network client, routes and the send pipeline on it, then what builds on the pipeline
     * (tracing, transactions, batching, request-reply, recall), then the inbound side, then the periodic tasks.
     */
    static ProducerParts start(ProducerOptions options) {
        Namespace namespace = new Namespace(options.namespace());
        String wireGroup = namespace.wrap(options.producerGroup());
        long timeoutMillis = options.sendTimeout().toMillis();
        ProducerRuntime runtime = new ProducerRuntime(options);
        InboundRequests inbound = new InboundRequests();
        RemotingClient client = new RemotingClient(runtime.eventLoops(), runtime.owned(), options.connectTimeout(),
                HeaderFormat.of(options.binaryHeaders()), inbound, options.credentials(), options.tlsContext() == null ? null
                : new TlsSettings(options.tlsContext(), options.tlsVerifyHostname()));
        Heartbeats heartbeats = new Heartbeats(client, options.clientId(), wireGroup);
        OperatorLog operatorLog = OperatorLog.slf4j();
        NameServerClient nameServers = new NameServerClient(client, options.nameServers(),
                options.requestTimeout().toMillis(), timeoutMillis, operatorLog);
        TopicRouteCache routes = new TopicRouteCache(nameServers,
                broker -> heartbeats.send(broker, timeoutMillis), operatorLog, options.observer());
        BrokerAvailability availability = new BrokerAvailability();
        Deliverer deliverer = new Deliverer(BrokerChannel.of(client), RouteSource.of(routes), availability,
                new Deliverer.Settings(wireGroup, namespace, options.retries(), options.requestTimeout().toMillis(),
                        timeoutMillis, options.maxMessageSize(), options.observer()), operatorLog);
        SendPath sendPath = new SendPath(new MessageEncoder(options),
                new AutomaticBatching(deliverer, options, runtime.scheduler()), deliverer, timeoutMillis);
        MessageTracer tracer = options.traceEnabled() ? startTracer(options, namespace, sendPath, routes)
                : MessageTracer.OFF;
        // Check-backs are answered even without a checker: from the decisions this producer made (see
        // TransactionDecisions for why a proxy makes that necessary).
        TransactionDecisions decisions = TransactionCoordinator.newDecisions();
        TransactionCoordinator transactions = new TransactionCoordinator(sendPath, routes, client, namespace,
                wireGroup, timeoutMillis, decisions, options.transactionChecker() != null, tracer);
        ReplyPushHandler replies = new ReplyPushHandler(new CheckBackHandler(options.transactionChecker(), decisions,
                client, runtime.callbacks(), namespace, timeoutMillis, tracer));
        RequestReply requestReply = new RequestReply(replies, sendPath, client, routes, nameServers, heartbeats,
                namespace, wireGroup, options.clientId(), timeoutMillis);
        inbound.connect(replies);
        ProducerParts parts = new ProducerParts(runtime, new CallbackHandOff(runtime.callbacks()), client, heartbeats,
                routes, new ConnectivityProbe(client, options.nameServers(), heartbeats), availability, sendPath,
                tracer, transactions, requestReply, new MessageRecall(client, routes, namespace, wireGroup,
                timeoutMillis));
        runtime.schedule(options.routeRefreshInterval().toMillis(), routes::refreshAll,
                () -> heartbeats.sendAll(routes.brokerAddresses(), timeoutMillis));
        return parts;
    }

    /**
     * Lingering batches go out, in-flight sends finish (within the send timeout), the last trace records are
     * written while the client still runs; then periodic tasks stop, waiting replies fail, brokers hear the producer
     * leave, connections close, and queued callbacks run. Threads are stopped only if they are the producer's own.
     */
    void close(InflightSends inflight, long sendTimeoutMillis) {
        sendPath.flush();
        inflight.awaitIdle(sendTimeoutMillis);
        tracer.close(sendTimeoutMillis);
        runtime.stopScheduler();
        requestReply.close(new ProducerClosedException("producer closed while a request waited for its reply"));
        heartbeats.unregisterAll(routes.brokerAddresses(), UNREGISTER_TIMEOUT_MILLIS);
        client.close();
        runtime.stopCallbacks();
    }

    /**
     * Trace messages go straight into the pipeline: not counted as sends, not told to the observer, not traced.
     * Their store host, for oneway sends, comes from the cached route.
     */
    private static MessageTracer startTracer(ProducerOptions options, Namespace namespace, SendPath sendPath,
                                             TopicRouteCache routes) {
        String traceTopic = options.traceTopic();
        return MessageTracer.start(options.producerGroup(), traceTopic, options.maxMessageSize(),
                (TraceMessage trace) -> sendPath.sendToTopic(traceTopic, Message.builder(TRACE_CARRIER_TOPIC)
                        .body(trace.body()).keys(trace.keys()).build()),
                (topic, brokerName) -> {
                    CompletableFuture<TopicPublishInfo> route = routes.publishInfo(namespace.wrap(topic));
                    return route.isDone() && !route.isCompletedExceptionally()
                            ? route.getNow(null).masterAddress(brokerName) : null;
                });
    }
}

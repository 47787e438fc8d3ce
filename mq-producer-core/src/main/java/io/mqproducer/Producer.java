package io.mqproducer;

import io.mqproducer.error.ProducerClosedException;
import io.mqproducer.error.ProducerException;
import io.mqproducer.internal.Failures;
import io.mqproducer.internal.client.ConnectivityProbe;
import io.mqproducer.internal.route.NameServerClient;
import io.mqproducer.internal.route.TopicRouteCache;
import io.mqproducer.internal.select.RoundRobinQueueSelector;
import io.mqproducer.internal.send.SendPipeline;
import io.mqproducer.internal.transport.InboundRequestHandler;
import io.mqproducer.internal.transport.RemotingClient;
import io.mqproducer.message.Message;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A RocketMQ producer: sends messages to the brokers that serve their topic, found through the name servers.
 *
 * <p>Create one per application (it is thread-safe and holds connections and threads), {@link #start()} it,
 * send, and {@link #close()} it. Every failure is a {@link ProducerException}: thrown by the sync methods,
 * delivered through the future by {@link #sendAsync(Message)}.
 *
 * <p>Timeout model: {@link ProducerOptions#sendTimeout()} bounds a whole send, every retry included.
 */
public final class Producer implements AutoCloseable {
    private final ProducerOptions options;
    private final InflightSends inflight = new InflightSends();
    private final Object lifecycle = new Object();
    private volatile State state = State.NEW;
    private RemotingClient client;
    private ProducerRuntime runtime;
    private SendPipeline pipeline;
    private TopicRouteCache routes;
    private ConnectivityProbe probe;

    private enum State { NEW, STARTED, CLOSED }

    private Producer(ProducerOptions options) {
        this.options = options;
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
            client = new RemotingClient(options.ioThreads(), options.connectTimeout(), options.headerFormat(),
                    InboundRequestHandler.UNSUPPORTED);
            NameServerClient nameServers = new NameServerClient(client, options.nameServers(),
                    options.sendTimeout().toMillis());
            routes = new TopicRouteCache(nameServers);
            probe = new ConnectivityProbe(client, options.nameServers(), options.clientId(), options.producerGroup());
            runtime = new ProducerRuntime(options, routes);
            pipeline = new SendPipeline(client, routes, new RoundRobinQueueSelector(), options);
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
        CompletableFuture<SendResult> future = startSend(message);
        try {
            // The pipeline bounds itself by the send timeout; the extra second only guards against a bug there.
            return future.get(options.sendTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw Failures.asProducerException(e);
        } catch (TimeoutException e) {
            throw new io.mqproducer.error.DeliveryTimeoutException("no result within the send timeout", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProducerException("interrupted while waiting for the broker", false, e);
        }
    }

    /**
     * Sends without blocking. The future completes on a producer callback thread, never on a network thread,
     * and every failure (validation included) arrives through it as a {@link ProducerException}.
     */
    public CompletableFuture<SendResult> sendAsync(Message message) {
        CompletableFuture<SendResult> internal = startSend(message);
        CompletableFuture<SendResult> external = new CompletableFuture<>();
        internal.whenCompleteAsync((result, error) -> {
            if (error == null) {
                external.complete(result);
            } else {
                external.completeExceptionally(Failures.asProducerException(error));
            }
        }, runtime.callbacks());
        return external;
    }

    /**
     * Writes the message to a broker without waiting for its answer: fastest, but a lost message goes
     * unnoticed. Returns once the message is on the socket; errors before that are thrown.
     */
    public void sendOneway(Message message) {
        CompletableFuture<Void> written = track(() -> pipeline.sendOneway(message));
        try {
            written.get(options.sendTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw Failures.asProducerException(e);
        } catch (TimeoutException e) {
            throw new io.mqproducer.error.DeliveryTimeoutException("oneway message not written within the send timeout", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProducerException("interrupted while writing", false, e);
        }
    }

    /**
     * Probes every name server and every broker this producer routes to, all at once; completes within
     * {@code timeout} (for health checks).
     */
    public CompletableFuture<ConnectivityReport> checkConnectivity(java.time.Duration timeout) {
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
        inflight.awaitIdle(options.sendTimeout().toMillis());
        runtime.stopScheduler();
        client.close();
        runtime.stopCallbacks();
    }

    private CompletableFuture<SendResult> startSend(Message message) {
        return track(() -> pipeline.send(message));
    }

    private <T> CompletableFuture<T> track(java.util.function.Supplier<CompletableFuture<T>> send) {
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
            return CompletableFuture.failedFuture(Failures.asProducerException(e));
        }
        future.whenComplete((r, e) -> inflight.decrement());
        return future;
    }
}

package io.mqproducer.test;

import java.net.BindException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A real Apache RocketMQ name server and broker running inside the current JVM, for tests.
 *
 * <p>Both listen on 127.0.0.1 on free ports and keep their files in a fresh temporary directory. Files are small and
 * thread pools tiny, so several instances can run in one test JVM; each gets its own broker name, ports and directory.
 *
 * <pre>{@code
 * try (EmbeddedRocketMQ rocketMQ = EmbeddedRocketMQ.start()) {
 *     producer.setNamesrvAddr(rocketMQ.nameServerAddress());
 *     ...
 * }
 * }</pre>
 *
 * <p>Stopping: RocketMQ's own shutdown sleeps for many seconds in fixed steps. {@link #stopBroker()} and
 * {@link #close()} therefore return as soon as the broker no longer accepts connections; its threads and store finish
 * stopping in the background, followed by the name server and the deletion of the directory.
 *
 * <p>The JVM needs the {@code --add-opens} flags listed in this module's README (RocketMQ unmaps its files through
 * JDK internals).
 */
public final class EmbeddedRocketMQ implements AutoCloseable {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final int START_ATTEMPTS = 3;

    private final String clusterName;
    private final String brokerName;
    private final boolean autoCreateTopics;
    private final BrokerSecurity security;
    private final boolean fullSizeStore;
    private final int maxMessageSize;
    private final boolean recallEnabled;
    private final Duration timeout;

    private boolean running;
    private boolean closed;
    private StoreDirectory directory;
    private EmbeddedNameServer nameServer;
    private EmbeddedBroker broker;

    private EmbeddedRocketMQ(Builder builder) {
        int sequence = SEQUENCE.incrementAndGet();
        this.clusterName = builder.clusterName != null ? builder.clusterName : "embedded-cluster-" + sequence;
        this.brokerName = builder.brokerName != null ? builder.brokerName : "embedded-broker-" + sequence;
        this.autoCreateTopics = builder.autoCreateTopics;
        this.security = builder.security;
        this.fullSizeStore = builder.fullSizeStore;
        this.maxMessageSize = builder.maxMessageSize;
        this.recallEnabled = builder.recallEnabled;
        this.timeout = builder.timeout;
    }

    /**
     * Starts a name server and a broker with the defaults (topics are created on first use) and returns once the
     * broker is registered with the name server.
     *
     * @throws IllegalStateException if they cannot start
     */
    public static EmbeddedRocketMQ start() {
        return builder().start();
    }

    /** Returns a builder for an instance with other settings; its {@code start()} (or {@code build()}) starts it. */
    public static Builder builder() {
        return new Builder();
    }

    /** The name server address for clients, {@code 127.0.0.1:port}. */
    public String nameServerAddress() {
        return running().nameServer.address();
    }

    /** The broker's address, {@code 127.0.0.1:port}; it stays the same across {@link #stopBroker()}. */
    public String brokerAddress() {
        return running().broker.setup().brokerAddress();
    }

    /** The broker's name, unique in this JVM unless set on the builder. */
    public String brokerName() {
        return brokerName;
    }

    /** The name of the cluster the broker belongs to. */
    public String clusterName() {
        return clusterName;
    }

    /** Whether the broker runs now; false after {@link #stopBroker()} and {@link #close()}. */
    public synchronized boolean isBrokerRunning() {
        return running && broker.isRunning();
    }

    /**
     * Creates {@code topic} with {@code queues} read and write queues on the broker and returns once the name server
     * routes it. Updates the queue count of an existing topic.
     */
    public synchronized void createTopic(String topic, int queues) {
        Objects.requireNonNull(topic, "topic");
        if (queues < 1) {
            throw new IllegalArgumentException("queues must be at least 1 but was " + queues);
        }
        running().broker.createTopic(topic, queues);
        Polling.await(timeout, () -> nameServer.routes(topic, brokerName, queues),
                () -> "the name server to route topic " + topic + " to " + brokerName);
    }

    /**
     * Stops the broker only; returns once the name server has dropped it and its port refuses connections, so clients
     * see the broker as down. The name server keeps running.
     */
    public synchronized void stopBroker() {
        running().broker.stop();
        int port = broker.setup().ports().listen();
        Polling.await(timeout, () -> nameServer.registeredMaster(brokerName).isEmpty() && !Loopback.isAccepting(port),
                () -> "broker " + brokerName + " to close its port and leave the name server");
    }

    /**
     * Starts the broker again after {@link #stopBroker()} on the same address and store, so that messages sent before
     * are still there; returns once it is registered. Waits for the earlier stop to finish first, which can take
     * several seconds. Fails if another process took the broker's ports meanwhile.
     */
    public synchronized void startBroker() {
        running().broker.start();
        awaitRegistered();
    }

    /**
     * Stops the broker and the name server; returns once the broker no longer accepts connections. The rest goes on in
     * the background, because RocketMQ's shutdown sleeps for many seconds: the broker stops its threads and store, then
     * the name server stops (later, so that the stopping broker does not log errors about a missing name server), then
     * the temporary directory is deleted; a JVM that exits earlier waits up to 20 s for this and then deletes it
     * anyway. Safe to call more than once.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        running = false;
        CompletableFuture<Void> brokerStopped = CompletableFuture.completedFuture(null);
        if (broker != null) {
            brokerStopped = broker.stop();
            awaitQuietly(() -> !Loopback.isAccepting(broker.setup().ports().listen()));
        }
        CompletableFuture<Void> allStopped = brokerStopped;
        if (nameServer != null) {
            EmbeddedNameServer stoppingNameServer = nameServer;
            allStopped = brokerStopped.handle((ignored, error) -> null)
                    .thenCompose(ignored -> stoppingNameServer.stop());
        }
        if (directory != null) {
            directory.deleteAfter(allStopped);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedRocketMQ[cluster=" + clusterName + ", broker=" + brokerName
                + (running ? ", running" : closed ? ", closed" : "") + "]";
    }

    /** Starts the name server and the broker, and returns once the broker is registered with the name server. */
    private synchronized EmbeddedRocketMQ startup() {
        try {
            JvmSettings.apply();
            security.applyTls();
            directory = StoreDirectory.create();
            nameServer = EmbeddedNameServer.start(directory);
            broker = startBrokerOnFreePorts();
            awaitRegistered();
            running = true;
            return this;
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    private EmbeddedBroker startBrokerOnFreePorts() {
        for (int attempt = 1; ; attempt++) {
            BrokerSetup setup = new BrokerSetup(clusterName, brokerName, autoCreateTopics, nameServer.address(),
                    BrokerPorts.findFree(), directory, security, fullSizeStore, maxMessageSize,
                    recallEnabled);
            EmbeddedBroker candidate = new EmbeddedBroker(setup);
            try {
                candidate.start();
                return candidate;
            } catch (IllegalStateException e) {
                // Another process may have taken a port between the check and the bind: try other ports.
                if (attempt == START_ATTEMPTS || !causedByBindFailure(e)) {
                    throw e;
                }
            }
        }
    }

    private void awaitRegistered() {
        String expected = broker.setup().brokerAddress();
        Polling.await(timeout, () -> isRegisteredAt(expected) || registerAgain(expected),
                () -> "broker " + brokerName + " at " + expected + " to register with the name server");
    }

    private boolean isRegisteredAt(String address) {
        return nameServer.registeredMaster(brokerName).filter(address::equals).isPresent();
    }

    private boolean registerAgain(String address) {
        broker.register();
        return isRegisteredAt(address);
    }

    private void awaitQuietly(BooleanSupplier condition) {
        try {
            Polling.await(timeout, condition, () -> "a port to close");
        } catch (IllegalStateException e) {
            // close() must not fail: the background shutdown goes on regardless.
        }
    }

    private synchronized EmbeddedRocketMQ running() {
        if (!running) {
            throw new IllegalStateException(this + " is not running");
        }
        return this;
    }

    private static boolean causedByBindFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /** Settings of an {@link EmbeddedRocketMQ}; {@link #start()} (or its synonym {@link #build()}) starts one. */
    public static final class Builder {

        private String clusterName;
        private String brokerName;
        private boolean autoCreateTopics = true;
        private Duration timeout = Duration.ofSeconds(30);
        private BrokerSecurity security = BrokerSecurity.NONE;
        private boolean fullSizeStore;
        private int maxMessageSize;
        private boolean recallEnabled;

        private Builder() {
        }

        /**
         * Turns on RocketMQ 5 authentication: requests must be signed with these credentials (one super user).
         * Consumers reading back need them too: {@link ReadBackConsumer#of(String, String, String, String)}.
         */
        public Builder authentication(String accessKey, String secretKey) {
            security = new BrokerSecurity(requireText(accessKey, "accessKey"), requireText(secretKey, "secretKey"),
                    security.tlsCertificate(), security.tlsKey());
            return this;
        }

        /**
         * Makes the name server and broker accept TLS with this PEM certificate and PKCS#8 PEM key, besides plain TCP
         * (RocketMQ's permissive mode). TLS settings are JVM-wide in RocketMQ: later brokers in this JVM accept TLS too.
         */
        public Builder tls(java.nio.file.Path certificate, java.nio.file.Path privateKey) {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(privateKey, "privateKey");
            security = new BrokerSecurity(security.accessKey(), security.secretKey(), certificate, privateKey);
            return this;
        }

        /**
         * Keeps RocketMQ's own store file sizes (1 GiB commit log files, large consume queue and index files) instead
         * of the small ones tests use. Small files roll over every few thousand messages, which a throughput
         * measurement would mostly measure; use this for benchmarks (files are sparse, the disk fills as data comes).
         */
        public Builder fullSizeStore() {
            this.fullSizeStore = true;
            return this;
        }

        /**
         * The largest message (or batch) the broker stores, in bytes; RocketMQ's default is 4 MiB. A smaller limit
         * lets tests see how a client copes with a broker stricter than it assumes.
         */
        public Builder maxMessageSize(int bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxMessageSize must be positive but was " + bytes);
            }
            this.maxMessageSize = bytes;
            return this;
        }

        /**
         * Whether the broker lets producers recall timer messages (RocketMQ's {@code recallMessageEnable}); default
         * false, as in RocketMQ, which then answers a recall with NO_PERMISSION.
         */
        public Builder recallEnabled(boolean recallEnabled) {
            this.recallEnabled = recallEnabled;
            return this;
        }

        /** The broker's name; defaults to a name unique in this JVM. */
        public Builder brokerName(String brokerName) {
            this.brokerName = requireText(brokerName, "brokerName");
            return this;
        }

        /** The cluster's name; defaults to a name unique in this JVM. */
        public Builder clusterName(String clusterName) {
            this.clusterName = requireText(clusterName, "clusterName");
            return this;
        }

        /** Whether the broker creates a topic on the first send to it (RocketMQ's autoCreateTopicEnable); default true. */
        public Builder autoCreateTopics(boolean autoCreateTopics) {
            this.autoCreateTopics = autoCreateTopics;
            return this;
        }

        /** How long start, stop and topic creation wait for the name server to reflect them; default 30 seconds. */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive but was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Starts a name server and a broker with these settings and returns once the broker is registered.
         *
         * @throws IllegalStateException if they cannot start
         */
        public EmbeddedRocketMQ start() {
            return new EmbeddedRocketMQ(this).startup();
        }

        /**
         * Same as {@link #start()}: the returned instance is already running. (Java cannot have both a static and an
         * instance method {@code EmbeddedRocketMQ.start()}, so there is no separate start step.)
         */
        public EmbeddedRocketMQ build() {
            return start();
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }
}

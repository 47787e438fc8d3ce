package io.mqproducer;

import io.mqproducer.error.InvalidOptionsException;
import io.mqproducer.internal.codec.HeaderFormat;
import io.mqproducer.spi.SendObserver;
import io.mqproducer.spi.TransactionChecker;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLContext;

/**
 * Immutable settings of a {@link Producer}, validated once by {@link Builder#build()}.
 * Only the name server addresses are required.
 */
public final class ProducerOptions {
    /** Default producer group, as RocketMQ's own client names it. */
    public static final String DEFAULT_GROUP = "DEFAULT_PRODUCER";
    /** Default largest body: 4 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 4 * 1024 * 1024;
    /** Default topic of message trace records, the one RocketMQ Dashboard reads. */
    public static final String DEFAULT_TRACE_TOPIC = "RMQ_SYS_TRACE_TOPIC";

    private final List<String> nameServers;
    private final String producerGroup;
    private final String clientId;
    private final Duration sendTimeout;
    private final Duration connectTimeout;
    private final Duration routeRefreshInterval;
    private final int retries;
    private final int maxMessageSize;
    private final int ioThreads;
    private final boolean binaryHeaders;
    private final SendObserver observer;
    private final String namespace;
    private final int compressionThreshold;
    private final int compressionLevel;
    private final int maxInflightAsync;
    private final TransactionChecker transactionChecker;
    private final Duration routeExpiry;
    private final Duration batchLinger;
    private final boolean adaptiveBatching;
    private final int batchMaxMessages;
    private final int batchMaxBytes;
    private final Credentials credentials;
    private final SSLContext tlsContext;
    private final boolean tlsVerifyHostname;
    private final boolean traceEnabled;
    private final String traceTopic;

    private ProducerOptions(Builder b) {
        this.nameServers = List.copyOf(b.nameServers);
        this.producerGroup = b.producerGroup;
        this.clientId = b.clientId != null ? b.clientId : "mq-producer@" + UUID.randomUUID();
        this.sendTimeout = b.sendTimeout;
        this.connectTimeout = b.connectTimeout;
        this.routeRefreshInterval = b.routeRefreshInterval;
        this.retries = b.retries;
        this.maxMessageSize = b.maxMessageSize;
        this.ioThreads = b.ioThreads;
        this.binaryHeaders = b.binaryHeaders;
        this.observer = b.observer;
        this.namespace = b.namespace;
        this.compressionThreshold = b.compressionThreshold;
        this.compressionLevel = b.compressionLevel;
        this.maxInflightAsync = b.maxInflightAsync;
        this.transactionChecker = b.transactionChecker;
        this.routeExpiry = b.routeExpiry;
        this.batchLinger = b.batchLinger;
        this.adaptiveBatching = b.adaptiveBatching;
        this.batchMaxMessages = b.batchMaxMessages;
        this.batchMaxBytes = b.batchMaxBytes;
        this.credentials = b.credentials;
        this.tlsContext = b.tlsContext;
        this.tlsVerifyHostname = b.tlsVerifyHostname;
        this.traceEnabled = b.traceEnabled;
        this.traceTopic = b.traceTopic;
    }

    /** Starts options for the given name servers ({@code host:port}, several separated by {@code ;} or given apart). */
    public static Builder builder(String... nameServers) {
        Builder builder = new Builder();
        for (String entry : nameServers) {
            builder.nameServer(entry);
        }
        return builder;
    }

    /** Name server addresses, tried in turn. */
    public List<String> nameServers() {
        return nameServers;
    }

    /** The producer group sent with each message (used for transactions and broker statistics). */
    public String producerGroup() {
        return producerGroup;
    }

    /** This client's identity towards brokers; unique per producer unless set. */
    public String clientId() {
        return clientId;
    }

    /** The whole budget of one send, all retries included. */
    public Duration sendTimeout() {
        return sendTimeout;
    }

    /** How long establishing one TCP connection may take. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How often cached topic routes are refreshed from the name server. */
    public Duration routeRefreshInterval() {
        return routeRefreshInterval;
    }

    /** How many times a failed send is tried again on another broker, within {@link #sendTimeout()}. */
    public int retries() {
        return retries;
    }

    /** The largest body accepted, in bytes. */
    public int maxMessageSize() {
        return maxMessageSize;
    }

    /** Netty event-loop threads. */
    public int ioThreads() {
        return ioThreads;
    }

    /** Whether requests use RocketMQ's binary header serialization (true) or JSON. */
    public boolean binaryHeaders() {
        return binaryHeaders;
    }

    /** The header serialization used on the wire. */
    HeaderFormat headerFormat() {
        return binaryHeaders ? HeaderFormat.BINARY : HeaderFormat.JSON;
    }

    /** The hook told about retries (metrics); a no-op unless set. */
    public SendObserver observer() {
        return observer;
    }

    /** Namespace prefixed to topics and the group ({@code ns%topic}), or empty for none. */
    public String namespace() {
        return namespace;
    }

    /** Bodies larger than this many bytes are sent zlib-compressed. */
    public int compressionThreshold() {
        return compressionThreshold;
    }

    /** zlib level, 0 (none) to 9 (smallest). */
    public int compressionLevel() {
        return compressionLevel;
    }

    /** Async sends allowed in flight at once; further callers wait (within the send timeout) for a slot. */
    public int maxInflightAsync() {
        return maxInflightAsync;
    }

    /**
     * How long a cached route may still be used when no name server answers refreshes; after that, sends to the
     * topic fail with an error that says so.
     */
    public Duration routeExpiry() {
        return routeExpiry;
    }

    /**
     * How long an async send may wait for others to the same topic to share one batch request; zero (the
     * default) sends each async message on its own.
     */
    public Duration batchLinger() {
        return batchLinger;
    }

    /**
     * Whether sends to a topic that overlap with requests already in flight to it go together as one batch once one
     * of those returns (sync and async sends without a queue selector; see
     * {@link Builder#adaptiveBatching(boolean)}).
     */
    public boolean adaptiveBatching() {
        return adaptiveBatching;
    }

    /** Most messages in one automatic batch. */
    public int batchMaxMessages() {
        return batchMaxMessages;
    }

    /** Most body bytes in one automatic batch. */
    public int batchMaxBytes() {
        return batchMaxBytes;
    }

    /** The TLS context connections are secured with, or null for plain TCP. */
    public SSLContext tlsContext() {
        return tlsContext;
    }

    /** Whether a broker's certificate must name the host connected to (default true). */
    public boolean tlsVerifyHostname() {
        return tlsVerifyHostname;
    }

    /** ACL credentials every request is signed with, or null. */
    public Credentials credentials() {
        return credentials;
    }

    /** Answers brokers' transaction check-backs for this producer group, or null when none is set. */
    public TransactionChecker transactionChecker() {
        return transactionChecker;
    }

    /** Whether message trace records are written for RocketMQ Dashboard (default false); see {@link Builder#traceEnabled}. */
    public boolean traceEnabled() {
        return traceEnabled;
    }

    /** The topic message trace records go to (default {@value #DEFAULT_TRACE_TOPIC}). */
    public String traceTopic() {
        return traceTopic;
    }

    @Override
    public String toString() {
        return "ProducerOptions{nameServers=" + nameServers + ", producerGroup=" + producerGroup
                + ", sendTimeout=" + sendTimeout + ", retries=" + retries + ", maxMessageSize=" + maxMessageSize + '}';
    }

    /** Collects and validates options. Not thread-safe. */
    public static final class Builder {
        final java.util.ArrayList<String> nameServers = new java.util.ArrayList<>();
        String producerGroup = DEFAULT_GROUP;
        String clientId;
        Duration sendTimeout = Duration.ofSeconds(3);
        Duration connectTimeout = Duration.ofSeconds(3);
        Duration routeRefreshInterval = Duration.ofSeconds(30);
        int retries = 2;
        int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
        int ioThreads = Math.min(4, Math.max(1, Runtime.getRuntime().availableProcessors()));
        boolean binaryHeaders = true;
        SendObserver observer = SendObserver.NOOP;
        String namespace = "";
        int compressionThreshold = 4 * 1024;
        int compressionLevel = 5;
        int maxInflightAsync = 10_000;
        TransactionChecker transactionChecker;
        Duration routeExpiry = Duration.ofMinutes(5);
        Duration batchLinger = Duration.ZERO;
        boolean adaptiveBatching = true;
        int batchMaxMessages = 256;
        int batchMaxBytes = 256 * 1024;
        Credentials credentials;
        SSLContext tlsContext;
        boolean tlsVerifyHostname = true;
        boolean traceEnabled;
        String traceTopic = DEFAULT_TRACE_TOPIC;

        private Builder() {
        }

        /** Adds name server addresses; {@code ;}-separated lists are split. */
        public Builder nameServer(String addresses) {
            if (addresses == null) {
                throw new InvalidOptionsException("nameServers", "name server address must not be null");
            }
            for (String address : addresses.split(";")) {
                if (!address.isBlank()) {
                    nameServers.add(address.trim());
                }
            }
            return this;
        }

        public Builder producerGroup(String producerGroup) {
            this.producerGroup = producerGroup;
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder sendTimeout(Duration sendTimeout) {
            this.sendTimeout = sendTimeout;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder routeRefreshInterval(Duration routeRefreshInterval) {
            this.routeRefreshInterval = routeRefreshInterval;
            return this;
        }

        public Builder retries(int retries) {
            this.retries = retries;
            return this;
        }

        public Builder maxMessageSize(int maxMessageSize) {
            this.maxMessageSize = maxMessageSize;
            return this;
        }

        public Builder ioThreads(int ioThreads) {
            this.ioThreads = ioThreads;
            return this;
        }

        /** Use RocketMQ's binary header serialization (default) instead of JSON. */
        public Builder binaryHeaders(boolean binaryHeaders) {
            this.binaryHeaders = binaryHeaders;
            return this;
        }

        /** Prefixes topics and group with {@code namespace%}, as RocketMQ's own client does. */
        public Builder namespace(String namespace) {
            this.namespace = namespace == null ? "" : namespace;
            return this;
        }

        /** Compresses bodies larger than this many bytes (default 4 KiB). */
        public Builder compressionThreshold(int compressionThreshold) {
            this.compressionThreshold = compressionThreshold;
            return this;
        }

        /** zlib level 0-9 (default 5). */
        public Builder compressionLevel(int compressionLevel) {
            this.compressionLevel = compressionLevel;
            return this;
        }

        /** Async sends allowed in flight at once (default 10,000). */
        public Builder maxInflightAsync(int maxInflightAsync) {
            this.maxInflightAsync = maxInflightAsync;
            return this;
        }

        /**
         * Turns on automatic batching of async sends: wait up to {@code linger} (e.g. 1 ms) for more messages to
         * the same topic and send them as one batch. Zero turns it off.
         */
        public Builder batchLinger(Duration linger) {
            this.batchLinger = linger;
            return this;
        }

        /**
         * Adaptive batching, on by default: per topic, while enough requests are in flight (four while few senders
         * overlap, two once many keep waiting), further sends (sync, and async unless {@link #batchLinger(Duration)}
         * is set) wait for one to return and then go together as one {@code SEND_BATCH_MESSAGE}, up to the batch
         * limits. Each sender still gets its own result with its own message id and offset. Nothing waits when
         * sends do not overlap, so it adds no latency at low load, and under load the broker handles fewer, larger
         * requests. {@code false}: every message is its own request. Not batched: sends with a queue
         * selector (orderly), delayed and transactional messages, and bodies above the compression threshold
         * (batch members are not compressed). A batch goes to one queue and succeeds or fails as a whole; one the
         * broker refuses as such (a broker size limit below this client's, say) is sent again message by message.
         */
        public Builder adaptiveBatching(boolean adaptiveBatching) {
            this.adaptiveBatching = adaptiveBatching;
            return this;
        }

        /** Most messages in one automatic batch (default 256). */
        public Builder batchMaxMessages(int batchMaxMessages) {
            this.batchMaxMessages = batchMaxMessages;
            return this;
        }

        /** Most body bytes in one automatic batch (default 256 KiB). */
        public Builder batchMaxBytes(int batchMaxBytes) {
            this.batchMaxBytes = batchMaxBytes;
            return this;
        }

        /** How long a route that cannot be refreshed stays usable (default 5 minutes). */
        public Builder routeExpiry(Duration routeExpiry) {
            this.routeExpiry = routeExpiry;
            return this;
        }

        /**
         * Secures every connection (name servers and brokers) with TLS from {@code context}; see
         * {@link TlsContexts}. Certificates are verified, hostnames too unless turned off with
         * {@link #tlsVerifyHostname(boolean)}.
         */
        public Builder tls(SSLContext context) {
            this.tlsContext = context;
            return this;
        }

        /** Whether the broker's certificate must name the host connected to (default true). */
        public Builder tlsVerifyHostname(boolean verify) {
            this.tlsVerifyHostname = verify;
            return this;
        }

        /** Signs every request with these ACL credentials. */
        public Builder credentials(Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** Sets the checker that answers the broker's transaction check-backs. */
        public Builder transactionChecker(TransactionChecker transactionChecker) {
            this.transactionChecker = transactionChecker;
            return this;
        }

        /**
         * Message trace, off by default: when on, every message a send stored (sync, async, oneway, batch, orderly,
         * transactional half) gets a publish record, and every transaction decision an end-transaction record, in
         * the format RocketMQ Dashboard and the official client read. Records are written asynchronously, in
         * batches, by a background thread with a bounded queue: tracing never slows or fails a send; when the queue
         * is full records are dropped and counted ({@link Producer#traceRecordsDropped()}). {@link Producer#close()}
         * writes what is queued within the send timeout. Sends that fail get no record, as with the official client.
         */
        public Builder traceEnabled(boolean enabled) {
            this.traceEnabled = enabled;
            return this;
        }

        /**
         * The topic trace records go to (default {@value #DEFAULT_TRACE_TOPIC}), used as named: no namespace is
         * applied. Brokers create {@code RMQ_SYS_TRACE_TOPIC} only with {@code traceTopicEnable=true}; otherwise
         * create it (or the custom topic) with an admin tool, or let a broker with {@code autoCreateTopicEnable}
         * create it on first use.
         */
        public Builder traceTopic(String traceTopic) {
            this.traceTopic = traceTopic;
            return this;
        }

        /** Sets the hook told about retries. */
        public Builder observer(SendObserver observer) {
            this.observer = observer;
            return this;
        }

        /** Validates every setting and returns the immutable options. */
        public ProducerOptions build() {
            OptionsValidation.check(this);
            return new ProducerOptions(this);
        }
    }
}

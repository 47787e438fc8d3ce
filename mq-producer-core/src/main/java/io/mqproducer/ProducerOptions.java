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
    private final Duration requestTimeout;
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
    private final CompressionType compressionType;
    private final int maxInflightAsync;
    private final TransactionChecker transactionChecker;
    private final Duration batchLinger;
    private final boolean adaptiveBatching;
    private final int batchMaxMessages;
    private final int batchMaxBytes;
    private final Credentials credentials;
    private final SSLContext tlsContext;
    private final boolean tlsVerifyHostname;
    private final boolean traceEnabled;
    private final String traceTopic;
    private final ProducerResources resources;

    private ProducerOptions(Builder b) {
        this.nameServers = List.copyOf(NameServerAddresses.parse(b.nameServers));
        this.producerGroup = b.producerGroup;
        this.clientId = b.clientId != null ? b.clientId : "mq-producer@" + UUID.randomUUID();
        this.sendTimeout = b.sendTimeout;
        this.requestTimeout = b.requestTimeout != null ? b.requestTimeout
                : defaultRequestTimeout(b.sendTimeout, b.retries);
        this.connectTimeout = b.connectTimeout;
        this.routeRefreshInterval = b.routeRefreshInterval;
        this.retries = b.retries;
        this.maxMessageSize = b.maxMessageSize;
        this.ioThreads = b.ioThreads;
        this.resources = b.resources;
        this.binaryHeaders = b.binaryHeaders;
        this.observer = b.observer;
        this.namespace = b.namespace;
        this.compressionThreshold = b.compressionThreshold;
        this.compressionLevel = b.compressionLevel;
        this.compressionType = b.compressionType;
        this.maxInflightAsync = b.maxInflightAsync;
        this.transactionChecker = b.transactionChecker;
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

    /**
     * Starts options for the given name servers: {@code host:port}, several separated by {@code ;} or {@code ,} or
     * given apart; IPv6 literals in brackets ({@code [::1]:9876}).
     */
    public static Builder builder(String... nameServers) {
        Builder builder = new Builder();
        for (String entry : nameServers) {
            builder.nameServer(entry);
        }
        return builder;
    }

    /** Name server addresses ({@code host:port} or {@code [ipv6]:port}), tried in turn. */
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

    /**
     * How long one attempt (one request to one broker or name server) may wait for its answer, within
     * {@link #sendTimeout()}. When it runs out the attempt counts as failed and, while retries and the send
     * timeout allow, the send is tried on another broker: a hung broker costs one request timeout, not the whole
     * budget. Unless set, see {@link #defaultRequestTimeout(Duration, int)}.
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * The request timeout used unless one is set: the send timeout shared equally among the first attempts, at
     * most three ({@code sendTimeout / min(retries + 1, 3)}; 1 s with the defaults of 3 s and 2 retries). So with
     * up to two retries every attempt fits into the budget, and a hung broker leaves time to retry elsewhere. With
     * more retries the share stays at a third, because shorter attempts would cut off brokers that are merely busy
     * (which answer within some hundred milliseconds), and an attempt cut off may still store the message, so its
     * retry would store it twice. With no retries, the one attempt gets the whole budget.
     */
    public static Duration defaultRequestTimeout(Duration sendTimeout, int retries) {
        if (sendTimeout == null || retries < 0) {
            return sendTimeout; // invalid; validation reports the send timeout or retries instead
        }
        return sendTimeout.dividedBy(Math.min(retries + 1L, 3L));
    }

    /** How long establishing one TCP connection may take. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * How often cached topic routes are refreshed from the name server. A route that cannot be refreshed (no name
     * server answers) stays in use for as long as that lasts: its brokers decide whether sends succeed.
     */
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

    /** Threads shared with other producers, or null: the producer starts its own (the default). */
    public ProducerResources resources() {
        return resources;
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

    /** Bodies larger than this many bytes are sent compressed (batch members never are). */
    public int compressionThreshold() {
        return compressionThreshold;
    }

    /** The codec's level: zlib 0 (none) to 9 (smallest), zstd 1 to 22; LZ4 ignores it. */
    public int compressionLevel() {
        return compressionLevel;
    }

    /** The codec compressed bodies are sent with. */
    public CompressionType compressionType() {
        return compressionType;
    }

    /** Async sends allowed in flight at once; further callers wait (within the send timeout) for a slot. */
    public int maxInflightAsync() {
        return maxInflightAsync;
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
                + ", sendTimeout=" + sendTimeout + ", requestTimeout=" + requestTimeout + ", retries=" + retries
                + ", maxMessageSize=" + maxMessageSize + '}';
    }

    /** Collects and validates options. Not thread-safe. */
    public static final class Builder {
        final java.util.ArrayList<String> nameServers = new java.util.ArrayList<>();
        String producerGroup = DEFAULT_GROUP;
        String clientId;
        Duration sendTimeout = Duration.ofSeconds(3);
        Duration requestTimeout;
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
        CompressionType compressionType = CompressionType.ZLIB;
        int maxInflightAsync = 10_000;
        TransactionChecker transactionChecker;
        Duration batchLinger = Duration.ZERO;
        boolean adaptiveBatching = true;
        int batchMaxMessages = 256;
        int batchMaxBytes = 256 * 1024;
        Credentials credentials;
        SSLContext tlsContext;
        boolean tlsVerifyHostname = true;
        boolean traceEnabled;
        String traceTopic = DEFAULT_TRACE_TOPIC;
        ProducerResources resources;

        private Builder() {
        }

        /**
         * Adds name server addresses: {@code host:port}, several separated by {@code ;} or {@code ,}, IPv6 literals
         * in brackets ({@code [::1]:9876}). Checked by {@link #build()}: an empty entry, a missing port or an IPv6
         * address without brackets fails with an {@link InvalidOptionsException} that says which entry is wrong.
         */
        public Builder nameServer(String addresses) {
            nameServers.add(addresses);
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

        /**
         * How long one attempt may wait for its answer before the send moves on to another broker; at most the
         * send timeout. Null (the default) derives it, see {@link ProducerOptions#defaultRequestTimeout}.
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
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

        /**
         * Runs the producer on threads shared with other producers of the application (null, the default: its
         * own threads). {@link #ioThreads(int)} is then ignored; the application closes the resources after the
         * producers.
         */
        public Builder resources(ProducerResources resources) {
            this.resources = resources;
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

        /** The codec's level (default 5): zlib 0-9, zstd 1-22; LZ4 ignores it. */
        public Builder compressionLevel(int compressionLevel) {
            this.compressionLevel = compressionLevel;
            return this;
        }

        /**
         * The codec for compressed bodies (default {@link CompressionType#ZLIB}). LZ4 and ZSTD need their library on
         * the class path ({@code at.yawk.lz4:lz4-java}, {@code com.github.luben:zstd-jni}); without it
         * {@link Producer#start()} fails naming the artifact.
         */
        public Builder compressionType(CompressionType compressionType) {
            this.compressionType = compressionType;
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

package io.mqproducer;

import io.mqproducer.error.InvalidOptionsException;
import io.mqproducer.spi.SendObserver;
import io.mqproducer.spi.TransactionChecker;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * Immutable settings of a {@link Producer}, validated once by {@link Builder#build()}. Only the name server addresses
 * are required; every other setting starts from its {@link ProducerDefaults default}.
 */
public final class ProducerOptions {
    /** The values as built: a copy, as the builder may still change. */
    private final OptionValues values;
    private final List<String> nameServers;

    private ProducerOptions(OptionValues values) {
        this.values = values;
        this.nameServers = List.copyOf(NameServerAddresses.parse(values.nameServers));
    }

    /** Starts options for the given name servers, each as {@link Builder#nameServer(String)} takes them. */
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
        return values.producerGroup;
    }

    /** This client's identity towards brokers; unique per producer unless set. */
    public String clientId() {
        return values.clientId;
    }

    /** The whole budget of one send, all retries included. */
    public Duration sendTimeout() {
        return values.sendTimeout;
    }

    /** How long one attempt may wait for its answer, within the send timeout; see {@link Builder#requestTimeout}. */
    public Duration requestTimeout() {
        return values.requestTimeout;
    }

    /** How long establishing one TCP connection may take. */
    public Duration connectTimeout() {
        return values.connectTimeout;
    }

    /** How often cached topic routes are refreshed from the name server; see {@link Builder#routeRefreshInterval}. */
    public Duration routeRefreshInterval() {
        return values.routeRefreshInterval;
    }

    /** How many times a failed send is tried again on another broker, within {@link #sendTimeout()}. */
    public int retries() {
        return values.retries;
    }

    /** The largest body accepted, in bytes. */
    public int maxMessageSize() {
        return values.maxMessageSize;
    }

    /** Netty event-loop threads. */
    public int ioThreads() {
        return values.ioThreads;
    }

    /** Threads shared with other producers, or null: the producer starts its own (the default). */
    public ProducerResources resources() {
        return values.resources;
    }

    /** Whether requests use RocketMQ's binary header serialization (true) or JSON. */
    public boolean binaryHeaders() {
        return values.binaryHeaders;
    }

    /** The hook told about retries (metrics); a no-op unless set. */
    public SendObserver observer() {
        return values.observer;
    }

    /** Namespace prefixed to topics and the group ({@code ns%topic}), or empty for none. */
    public String namespace() {
        return values.namespace;
    }

    /** Bodies larger than this many bytes are sent compressed (batch members never are). */
    public int compressionThreshold() {
        return values.compressionThreshold;
    }

    /** The codec's level: zlib 0 (none) to 9 (smallest), zstd 1 to 22; LZ4 ignores it. */
    public int compressionLevel() {
        return values.compressionLevel;
    }

    /** The codec compressed bodies are sent with. */
    public CompressionType compressionType() {
        return values.compressionType;
    }

    /** Async sends allowed in flight at once; further callers wait (within the send timeout) for a slot. */
    public int maxInflightAsync() {
        return values.maxInflightAsync;
    }

    /** How long an async send may wait for others to the same topic to share one batch request; zero for none. */
    public Duration batchLinger() {
        return values.batchLinger;
    }

    /** Whether overlapping sends to a topic go together as one batch; see {@link Builder#adaptiveBatching}. */
    public boolean adaptiveBatching() {
        return values.adaptiveBatching;
    }

    /** Most messages in one automatic batch. */
    public int batchMaxMessages() {
        return values.batchMaxMessages;
    }

    /** Most body bytes in one automatic batch. */
    public int batchMaxBytes() {
        return values.batchMaxBytes;
    }

    /** The TLS context connections are secured with, or null for plain TCP. */
    public SSLContext tlsContext() {
        return values.tlsContext;
    }

    /** Whether a broker's certificate must name the host connected to. */
    public boolean tlsVerifyHostname() {
        return values.tlsVerifyHostname;
    }

    /** ACL credentials every request is signed with, or null. */
    public Credentials credentials() {
        return values.credentials;
    }

    /** Answers brokers' transaction check-backs for this producer group, or null when none is set. */
    public TransactionChecker transactionChecker() {
        return values.transactionChecker;
    }

    /** Whether message trace records are written for RocketMQ Dashboard; see {@link Builder#traceEnabled}. */
    public boolean traceEnabled() {
        return values.traceEnabled;
    }

    /** The topic message trace records go to. */
    public String traceTopic() {
        return values.traceTopic;
    }

    @Override
    public String toString() { // no credentials, no TLS material
        return "ProducerOptions{nameServers=" + nameServers + ", producerGroup=" + producerGroup() + ", sendTimeout="
                + sendTimeout() + ", requestTimeout=" + requestTimeout() + ", retries=" + retries() + '}';
    }

    /** Collects and validates options; each one not set keeps its {@link ProducerDefaults default}. Not thread-safe. */
    public static final class Builder {
        private final OptionValues values = new OptionValues();

        private Builder() {
        }

        /**
         * Adds name server addresses: {@code host:port}, several separated by {@code ;} or {@code ,}, IPv6 literals
         * in brackets ({@code [::1]:9876}); required, no default. Checked by {@link #build()}: an empty entry, a
         * missing port or an IPv6 address without brackets fails with an {@link InvalidOptionsException} that says
         * which entry is wrong.
         */
        public Builder nameServer(String addresses) {
            values.nameServers.add(addresses);
            return this;
        }

        /** The producer group sent with each message (default {@value ProducerDefaults#GROUP}). */
        public Builder producerGroup(String producerGroup) {
            values.producerGroup = producerGroup;
            return this;
        }

        /** This client's identity towards brokers (default {@code mq-producer@<UUID>}, unique per producer). */
        public Builder clientId(String clientId) {
            values.clientId = clientId;
            return this;
        }

        /** The budget of one whole send, all retries included (default 3 s). */
        public Builder sendTimeout(Duration sendTimeout) {
            values.sendTimeout = sendTimeout;
            return this;
        }

        /**
         * How long one attempt (one request to one broker or name server) may wait for its answer, at most the send
         * timeout. When it runs out the attempt counts as failed and, while retries and the send timeout allow, the
         * send is tried on another broker: a hung broker costs one request timeout, not the whole budget. Null (the
         * default) derives it from the send timeout and retries, see {@link ProducerDefaults#requestTimeout}.
         */
        public Builder requestTimeout(Duration requestTimeout) {
            values.requestTimeout = requestTimeout;
            return this;
        }

        /** How long establishing one TCP connection may take (default 3 s). */
        public Builder connectTimeout(Duration connectTimeout) {
            values.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * How often cached topic routes are refreshed from the name server (default 30 s). A route that cannot be
         * refreshed (no name server answers) stays in use for as long as that lasts: its brokers decide.
         */
        public Builder routeRefreshInterval(Duration routeRefreshInterval) {
            values.routeRefreshInterval = routeRefreshInterval;
            return this;
        }

        /** How often a failed send is tried again on another broker (default {@value ProducerDefaults#RETRIES}). */
        public Builder retries(int retries) {
            values.retries = retries;
            return this;
        }

        /** The largest body accepted, in bytes, at most 64 MiB (default 4 MiB). */
        public Builder maxMessageSize(int maxMessageSize) {
            values.maxMessageSize = maxMessageSize;
            return this;
        }

        /** Netty event-loop threads (default one per CPU, at most 4). */
        public Builder ioThreads(int ioThreads) {
            values.ioThreads = ioThreads;
            return this;
        }

        /**
         * Runs the producer on threads shared with other producers (default null: its own threads), instead of
         * {@link #ioThreads(int)}; the application closes the resources after the producers.
         */
        public Builder resources(ProducerResources resources) {
            values.resources = resources;
            return this;
        }

        /** Use RocketMQ's binary header serialization (default true) instead of JSON. */
        public Builder binaryHeaders(boolean binaryHeaders) {
            values.binaryHeaders = binaryHeaders;
            return this;
        }

        /** Prefixes topics and group with {@code namespace%}, as RocketMQ's own client does (default none). */
        public Builder namespace(String namespace) {
            values.namespace = namespace == null ? ProducerDefaults.NAMESPACE : namespace;
            return this;
        }

        /** Compresses bodies larger than this many bytes (default 4 KiB). */
        public Builder compressionThreshold(int compressionThreshold) {
            values.compressionThreshold = compressionThreshold;
            return this;
        }

        /** The codec's level (default 5): zlib 0-9, zstd 1-22; LZ4 ignores it. */
        public Builder compressionLevel(int compressionLevel) {
            values.compressionLevel = compressionLevel;
            return this;
        }

        /**
         * The codec for compressed bodies (default {@link CompressionType#ZLIB}). LZ4 and ZSTD need their library on
         * the class path ({@code at.yawk.lz4:lz4-java}, {@code com.github.luben:zstd-jni}); without it
         * {@link Producer#start()} fails naming the artifact.
         */
        public Builder compressionType(CompressionType compressionType) {
            values.compressionType = compressionType;
            return this;
        }

        /** Async sends allowed in flight at once; further callers wait for a slot (default 10,000). */
        public Builder maxInflightAsync(int maxInflightAsync) {
            values.maxInflightAsync = maxInflightAsync;
            return this;
        }

        /**
         * Turns on automatic batching of async sends: wait up to {@code linger} (e.g. 1 ms, at most 1 s) for more
         * messages to the same topic and send them as one batch. Zero (the default) turns it off.
         */
        public Builder batchLinger(Duration linger) {
            values.batchLinger = linger;
            return this;
        }

        /**
         * Adaptive batching (default on): per topic, while enough requests are in flight, further sends (sync, and
         * async unless {@link #batchLinger(Duration)} is set) wait for one to return and then go together as one
         * {@code SEND_BATCH_MESSAGE}; each sender still gets its own result. Nothing waits when sends do not overlap.
         * Never batched: sends to a chosen queue, delayed, priority and transactional messages, and bodies above the
         * compression threshold. A batch the broker refuses as such is sent again message by message.
         */
        public Builder adaptiveBatching(boolean adaptiveBatching) {
            values.adaptiveBatching = adaptiveBatching;
            return this;
        }

        /** Most messages in one automatic batch (default {@value ProducerDefaults#BATCH_MAX_MESSAGES}). */
        public Builder batchMaxMessages(int batchMaxMessages) {
            values.batchMaxMessages = batchMaxMessages;
            return this;
        }

        /** Most body bytes in one automatic batch (default 256 KiB). */
        public Builder batchMaxBytes(int batchMaxBytes) {
            values.batchMaxBytes = batchMaxBytes;
            return this;
        }

        /**
         * Secures every connection with TLS from {@code context} (default none: plain TCP; see {@link TlsContexts});
         * certificates are verified, hostnames too unless {@link #tlsVerifyHostname(boolean)} turns that off.
         */
        public Builder tls(SSLContext context) {
            values.tlsContext = context;
            return this;
        }

        /** Whether the broker's certificate must name the host connected to (default true). */
        public Builder tlsVerifyHostname(boolean verify) {
            values.tlsVerifyHostname = verify;
            return this;
        }

        /** Signs every request with these ACL credentials (default none). */
        public Builder credentials(Credentials credentials) {
            values.credentials = credentials;
            return this;
        }

        /** Sets the checker that answers the broker's transaction check-backs (default none). */
        public Builder transactionChecker(TransactionChecker transactionChecker) {
            values.transactionChecker = transactionChecker;
            return this;
        }

        /**
         * Message trace in RocketMQ Dashboard's format (default off): a publish record per stored message and one per
         * transaction decision, written in the background; when its queue is full records are dropped and counted
         * ({@link Producer#traceRecordsDropped()}), so tracing never slows or fails a send.
         */
        public Builder traceEnabled(boolean enabled) {
            values.traceEnabled = enabled;
            return this;
        }

        /**
         * The topic trace records go to (default {@value ProducerDefaults#TRACE_TOPIC}), without namespace; brokers
         * create {@code RMQ_SYS_TRACE_TOPIC} only with {@code traceTopicEnable=true}.
         */
        public Builder traceTopic(String traceTopic) {
            values.traceTopic = traceTopic;
            return this;
        }

        /** The hook told about sends and retries (default a no-op). */
        public Builder observer(SendObserver observer) {
            values.observer = observer;
            return this;
        }

        /** Validates every setting and returns the immutable options. */
        public ProducerOptions build() {
            OptionsValidation.check(values);
            return new ProducerOptions(values.resolved());
        }
    }
}

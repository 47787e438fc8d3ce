package io.mqproducer.spring.boot.autoconfigure;

import io.mqproducer.CompressionType;
import io.mqproducer.ProducerDefaults;
import java.time.Duration;
import org.springframework.util.unit.DataSize;

/**
 * The settings of one producer: of the default one under {@code mq.producer.*} and of each named one under
 * {@code mq.producer.producers.<name>.*}, where every setting not given falls back to the default producer's. Each
 * maps to one {@link io.mqproducer.ProducerOptions.Builder} option (see {@link ProducerOptionsFactory}), starts from
 * its {@link ProducerDefaults default}, and is validated by the core only. Fields document the properties (and the
 * generated metadata); getters say what they return, setters only bind.
 */
public class ProducerProperties {

    /** Name server address as host:port, several separated by ';' or ',' (required). */
    private String nameServer;

    /** Producer group sent with every message. */
    private String group = ProducerDefaults.GROUP;

    /** Client id towards brokers; unset means a unique id per producer. */
    private String clientId;

    /** Budget of one whole send, every retry included. */
    private Duration sendTimeout = ProducerDefaults.SEND_TIMEOUT;

    /**
     * How long one attempt may wait for a broker's or name server's answer before the send is retried elsewhere;
     * at most the send timeout. Unset means the send timeout divided by min(retries + 1, 3), 1s with the defaults.
     */
    private Duration requestTimeout;

    /** How long establishing one TCP connection may take. */
    private Duration connectTimeout = ProducerDefaults.CONNECT_TIMEOUT;

    /** How many times a failed send is tried again on another broker, within the send timeout. */
    private int retries = ProducerDefaults.RETRIES;

    /** Largest message body accepted (at most 64MB). */
    private DataSize maxMessageSize = DataSize.ofBytes(ProducerDefaults.MAX_MESSAGE_SIZE);

    /** How often cached topic routes are refreshed from the name server. */
    private Duration routeRefreshInterval = ProducerDefaults.ROUTE_REFRESH_INTERVAL;

    /** Network I/O threads; unset means up to 4, one per CPU. */
    private Integer ioThreads;

    /** Whether request headers use RocketMQ's binary encoding instead of JSON. */
    private boolean binaryHeaders = ProducerDefaults.BINARY_HEADERS;

    /** Namespace prefixed to topics and the group on the broker ({@code namespace%topic}); empty for none. */
    private String namespace = ProducerDefaults.NAMESPACE;

    /** Bodies larger than this are sent compressed. */
    private DataSize compressionThreshold = DataSize.ofBytes(ProducerDefaults.COMPRESSION_THRESHOLD);

    /** Async sends allowed in flight at once; further callers wait up to the send timeout for a slot. */
    private int maxInflightAsync = ProducerDefaults.MAX_INFLIGHT_ASYNC;

    /** How long an async send waits for others to the same topic to share one batch request; 0 turns batching off. */
    private Duration batchLinger = ProducerDefaults.BATCH_LINGER;

    /**
     * Whether sends to a topic that overlap with requests already in flight to it go together as one batch once one
     * returns (sync and async sends without a queue selector). Adds no latency at low load; fewer, larger requests
     * under load. False: every message is its own request.
     */
    private boolean adaptiveBatching = ProducerDefaults.ADAPTIVE_BATCHING;

    /** Most messages in one automatic batch (adaptive batching or batch linger). */
    private int batchMaxMessages = ProducerDefaults.BATCH_MAX_MESSAGES;

    /** Most body bytes in one automatic batch (adaptive batching or batch linger). */
    private DataSize batchMaxBytes = DataSize.ofBytes(ProducerDefaults.BATCH_MAX_BYTES);

    private final Ssl ssl = new Ssl();

    private final Acl acl = new Acl();

    /** How bodies above {@code compression-threshold} are compressed. */
    private final Compression compression = new Compression();

    private final Trace trace = new Trace();

    /** Name server address(es), {@code host:port}, several separated by {@code ;}. */
    public String getNameServer() {
        return nameServer;
    }

    public void setNameServer(String nameServer) {
        this.nameServer = nameServer;
    }

    /** Producer group sent with every message. */
    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    /** Client id towards brokers, or {@code null} for a unique one. */
    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    /** Budget of one whole send, every retry included. */
    public Duration getSendTimeout() {
        return sendTimeout;
    }

    public void setSendTimeout(Duration sendTimeout) {
        this.sendTimeout = sendTimeout;
    }

    /** How long one attempt may wait for its answer, or {@code null} to derive it from the send timeout. */
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /** How long establishing one TCP connection may take. */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** How many times a failed send is tried again. */
    public int getRetries() {
        return retries;
    }

    public void setRetries(int retries) {
        this.retries = retries;
    }

    /** Largest message body accepted. */
    public DataSize getMaxMessageSize() {
        return maxMessageSize;
    }

    public void setMaxMessageSize(DataSize maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    /** How often cached topic routes are refreshed. */
    public Duration getRouteRefreshInterval() {
        return routeRefreshInterval;
    }

    public void setRouteRefreshInterval(Duration routeRefreshInterval) {
        this.routeRefreshInterval = routeRefreshInterval;
    }

    /** Network I/O threads, or {@code null} for the producer's default. */
    public Integer getIoThreads() {
        return ioThreads;
    }

    public void setIoThreads(Integer ioThreads) {
        this.ioThreads = ioThreads;
    }

    /** Whether request headers use RocketMQ's binary encoding. */
    public boolean isBinaryHeaders() {
        return binaryHeaders;
    }

    public void setBinaryHeaders(boolean binaryHeaders) {
        this.binaryHeaders = binaryHeaders;
    }

    /** Namespace prefixed to topics and the group. */
    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    /** Bodies larger than this are compressed. */
    public DataSize getCompressionThreshold() {
        return compressionThreshold;
    }

    public void setCompressionThreshold(DataSize compressionThreshold) {
        this.compressionThreshold = compressionThreshold;
    }

    /** Async sends allowed in flight at once. */
    public int getMaxInflightAsync() {
        return maxInflightAsync;
    }

    public void setMaxInflightAsync(int maxInflightAsync) {
        this.maxInflightAsync = maxInflightAsync;
    }

    /** Linger of automatic async batching; 0 is off. */
    public Duration getBatchLinger() {
        return batchLinger;
    }

    public void setBatchLinger(Duration batchLinger) {
        this.batchLinger = batchLinger;
    }

    /** Whether overlapping sends share batch requests. */
    public boolean isAdaptiveBatching() {
        return adaptiveBatching;
    }

    public void setAdaptiveBatching(boolean adaptiveBatching) {
        this.adaptiveBatching = adaptiveBatching;
    }

    /** Most messages in one automatic batch. */
    public int getBatchMaxMessages() {
        return batchMaxMessages;
    }

    public void setBatchMaxMessages(int batchMaxMessages) {
        this.batchMaxMessages = batchMaxMessages;
    }

    /** Most body bytes in one automatic batch. */
    public DataSize getBatchMaxBytes() {
        return batchMaxBytes;
    }

    public void setBatchMaxBytes(DataSize batchMaxBytes) {
        this.batchMaxBytes = batchMaxBytes;
    }

    /** TLS settings. */
    public Ssl getSsl() {
        return ssl;
    }

    /** ACL credentials. */
    public Acl getAcl() {
        return acl;
    }

    /** Compression codec settings. */
    public Compression getCompression() {
        return compression;
    }

    /** Message trace settings. */
    public Trace getTrace() {
        return trace;
    }

    /** Compression codec settings. */
    public static class Compression {

        /**
         * Codec for bodies above the compression threshold: ZLIB (JDK, default), LZ4 (needs at.yawk.lz4:lz4-java) or
         * ZSTD (needs com.github.luben:zstd-jni).
         */
        private CompressionType type = ProducerDefaults.COMPRESSION_TYPE;

        /** Codec level: zlib 0-9, zstd 1-22; LZ4 ignores it. */
        private int level = ProducerDefaults.COMPRESSION_LEVEL;

        /** Codec for bodies above the compression threshold. */
        public CompressionType getType() {
            return type;
        }

        public void setType(CompressionType type) {
            this.type = type;
        }

        /** Codec level. */
        public int getLevel() {
            return level;
        }

        public void setLevel(int level) {
            this.level = level;
        }
    }

    /** ACL credentials, bound from {@code mq.producer.acl.*}; the secret key is never logged or exposed. */
    public static class Acl {

        /** Access key requests are signed for; unset means no ACL signing. */
        private String accessKey;

        /** Secret key requests are signed with. */
        private String secretKey;

        /** Access key requests are signed for. */
        public String getAccessKey() {
            return accessKey;
        }

        public void setAccessKey(String accessKey) {
            this.accessKey = accessKey;
        }

        /** Secret key requests are signed with. */
        public String getSecretKey() {
            return secretKey;
        }

        public void setSecretKey(String secretKey) {
            this.secretKey = secretKey;
        }

        @Override
        public String toString() {
            return "Acl{accessKey=" + accessKey + ", secretKey=" + (secretKey == null ? "null" : "****") + '}';
        }
    }

    /**
     * Message trace for RocketMQ Dashboard, bound from {@code mq.producer.trace.*}: a publish record for every message
     * sent and a record for every transaction decision, written to the trace topic in the background.
     */
    public static class Trace {

        /** Whether to write message trace records that RocketMQ Dashboard shows. */
        private boolean enabled = ProducerDefaults.TRACE_ENABLED;

        /**
         * Topic the trace records go to, as named (no namespace). Brokers create RMQ_SYS_TRACE_TOPIC only with
         * traceTopicEnable=true; otherwise create it, or rely on autoCreateTopicEnable.
         */
        private String topic = ProducerDefaults.TRACE_TOPIC;

        /** Whether message trace records are written. */
        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** Topic the trace records go to. */
        public String getTopic() {
            return topic;
        }

        public void setTopic(String topic) {
            this.topic = topic;
        }
    }

    /** TLS through a Spring Boot SSL bundle, bound from {@code mq.producer.ssl.*}; certificates are always verified. */
    public static class Ssl {

        /** Name of the Spring Boot SSL bundle (spring.ssl.bundle.*) whose trust store, and key store if any, secure every connection; unset means plain TCP. */
        private String bundle;

        /** Whether the broker's and name servers' certificates must name the host connected to. */
        private boolean verifyHostname = ProducerDefaults.TLS_VERIFY_HOSTNAME;

        /** Name of the SSL bundle securing every connection, or {@code null} for plain TCP. */
        public String getBundle() {
            return bundle;
        }

        public void setBundle(String bundle) {
            this.bundle = bundle;
        }

        /** Whether certificates must name the host connected to. */
        public boolean isVerifyHostname() {
            return verifyHostname;
        }

        public void setVerifyHostname(boolean verifyHostname) {
            this.verifyHostname = verifyHostname;
        }
    }
}

package io.mqproducer;

import io.mqproducer.spi.SendObserver;
import io.mqproducer.spi.TransactionChecker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import javax.net.ssl.SSLContext;

/**
 * The values a {@link ProducerOptions.Builder} collects, starting from the {@link ProducerDefaults}; the options keep
 * a copy of them, and {@link OptionsValidation} checks them.
 */
final class OptionValues implements Cloneable {
    ArrayList<String> nameServers = new ArrayList<>();
    String producerGroup = ProducerDefaults.GROUP;
    String clientId;
    Duration sendTimeout = ProducerDefaults.SEND_TIMEOUT;
    Duration requestTimeout;
    Duration connectTimeout = ProducerDefaults.CONNECT_TIMEOUT;
    Duration routeRefreshInterval = ProducerDefaults.ROUTE_REFRESH_INTERVAL;
    int retries = ProducerDefaults.RETRIES;
    int maxMessageSize = ProducerDefaults.MAX_MESSAGE_SIZE;
    int ioThreads = ProducerDefaults.ioThreads();
    boolean binaryHeaders = ProducerDefaults.BINARY_HEADERS;
    SendObserver observer = SendObserver.NOOP;
    String namespace = ProducerDefaults.NAMESPACE;
    int compressionThreshold = ProducerDefaults.COMPRESSION_THRESHOLD;
    int compressionLevel = ProducerDefaults.COMPRESSION_LEVEL;
    CompressionType compressionType = ProducerDefaults.COMPRESSION_TYPE;
    int maxInflightAsync = ProducerDefaults.MAX_INFLIGHT_ASYNC;
    TransactionChecker transactionChecker;
    Duration batchLinger = ProducerDefaults.BATCH_LINGER;
    boolean adaptiveBatching = ProducerDefaults.ADAPTIVE_BATCHING;
    int batchMaxMessages = ProducerDefaults.BATCH_MAX_MESSAGES;
    int batchMaxBytes = ProducerDefaults.BATCH_MAX_BYTES;
    Credentials credentials;
    SSLContext tlsContext;
    boolean tlsVerifyHostname = ProducerDefaults.TLS_VERIFY_HOSTNAME;
    boolean traceEnabled = ProducerDefaults.TRACE_ENABLED;
    String traceTopic = ProducerDefaults.TRACE_TOPIC;
    ProducerResources resources;

    /** A copy with the derived values filled in: a unique client id and the request timeout, unless set. */
    OptionValues resolved() {
        OptionValues copy = copy();
        copy.clientId = clientId != null ? clientId : "mq-producer@" + UUID.randomUUID();
        copy.requestTimeout = requestTimeout != null ? requestTimeout
                : ProducerDefaults.requestTimeout(sendTimeout, retries);
        return copy;
    }

    /** An independent copy, which later changes to this one do not affect. */
    private OptionValues copy() {
        try {
            OptionValues copy = (OptionValues) super.clone();
            copy.nameServers = new ArrayList<>(nameServers);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}

package io.mqproducer;

import java.time.Duration;

/**
 * The defaults of {@link ProducerOptions}, in one place: the builder starts from them, and the Spring Boot starter's
 * properties refer to them, so that a producer built by hand and one configured by properties behave alike.
 */
public final class ProducerDefaults {
    /** Producer group, as RocketMQ's own client names it. */
    public static final String GROUP = "DEFAULT_PRODUCER";
    /** Budget of one whole send, all retries included: 3 s. */
    public static final Duration SEND_TIMEOUT = Duration.ofSeconds(3);
    /** Time establishing one TCP connection may take: 3 s. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** Interval between refreshes of a cached topic route: 30 s. */
    public static final Duration ROUTE_REFRESH_INTERVAL = Duration.ofSeconds(30);
    /** Retries of a failed send, each on another broker. */
    public static final int RETRIES = 2;
    /** Largest body accepted: 4 MiB. */
    public static final int MAX_MESSAGE_SIZE = 4 * 1024 * 1024;
    /** Whether request headers use RocketMQ's binary serialization rather than JSON. */
    public static final boolean BINARY_HEADERS = true;
    /** Namespace: none. */
    public static final String NAMESPACE = "";
    /** Bodies above this many bytes are compressed: 4 KiB. */
    public static final int COMPRESSION_THRESHOLD = 4 * 1024;
    /** The codec's level, valid for zlib and zstd. */
    public static final int COMPRESSION_LEVEL = 5;
    /** Codec of compressed bodies: zlib, which needs no library. */
    public static final CompressionType COMPRESSION_TYPE = CompressionType.ZLIB;
    /** Async sends in flight at once. */
    public static final int MAX_INFLIGHT_ASYNC = 10_000;
    /** Linger of automatic async batching: none. */
    public static final Duration BATCH_LINGER = Duration.ZERO;
    /** Whether overlapping sends to a topic share batch requests. */
    public static final boolean ADAPTIVE_BATCHING = true;
    /** Most messages in one automatic batch. */
    public static final int BATCH_MAX_MESSAGES = 256;
    /** Most body bytes in one automatic batch: 256 KiB. */
    public static final int BATCH_MAX_BYTES = 256 * 1024;
    /** Whether a broker's TLS certificate must name the host connected to. */
    public static final boolean TLS_VERIFY_HOSTNAME = true;
    /** Whether message trace records are written. */
    public static final boolean TRACE_ENABLED = false;
    /** Topic of message trace records, the one RocketMQ Dashboard reads. */
    public static final String TRACE_TOPIC = "RMQ_SYS_TRACE_TOPIC";

    private ProducerDefaults() {
    }

    /** Netty event-loop threads: one per CPU, at most 4. */
    public static int ioThreads() {
        return Math.min(4, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * The request timeout used unless one is set: the send timeout shared equally among the first attempts, at
     * most three ({@code sendTimeout / min(retries + 1, 3)}; 1 s with the defaults of 3 s and 2 retries). So with
     * up to two retries every attempt fits into the budget, and a hung broker leaves time to retry elsewhere. With
     * more retries the share stays at a third, because shorter attempts would cut off brokers that are merely busy
     * (which answer within some hundred milliseconds), and an attempt cut off may still store the message, so its
     * retry would store it twice. With no retries, the one attempt gets the whole budget.
     */
    public static Duration requestTimeout(Duration sendTimeout, int retries) {
        if (sendTimeout == null || retries < 0) {
            return sendTimeout; // invalid; validation reports the send timeout or retries instead
        }
        return sendTimeout.dividedBy(Math.min(retries + 1L, 3L));
    }
}

package io.mqproducer.internal.trace;

import io.mqproducer.SendResult;
import io.mqproducer.SendStatus;
import io.mqproducer.TransactionState;
import io.mqproducer.error.PartialBatchException;
import io.mqproducer.internal.Failures;
import io.mqproducer.internal.protocol.MessageProperty;
import io.mqproducer.message.Message;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Message trace as RocketMQ Dashboard shows it: a publish record for every message a send stored and an
 * end-transaction record for every transaction decision, written to the trace topic in the background by a
 * {@link TraceSender}. Tracing only adds a callback to a send's future and a non-blocking queue offer; it never
 * delays or fails the send. {@link #OFF} does nothing and wraps nothing.
 */
public final class MessageTracer {
    private static final Logger log = LoggerFactory.getLogger(MessageTracer.class);
    /** Tracing turned off. */
    public static final MessageTracer OFF = new MessageTracer(null, null, null, null);

    /** Records queued before new ones are dropped. */
    static final int QUEUE_CAPACITY = 8192;
    /** Trace messages in flight at once. */
    static final int MAX_INFLIGHT = 4;
    /** The official client's trace producer stops a trace message near this size. */
    static final int MAX_BODY_BYTES = 118_000;

    private final TraceSender sender;
    private final String group;
    private final String traceTopic;
    private final BiFunction<String, String, String> brokerAddresses;

    private MessageTracer(TraceSender sender, String group, String traceTopic,
                          BiFunction<String, String, String> brokerAddresses) {
        this.sender = sender;
        this.group = group;
        this.traceTopic = traceTopic;
        this.brokerAddresses = brokerAddresses;
    }

    /**
     * Starts tracing.
     *
     * @param group           the producer group records name (without namespace)
     * @param traceTopic      where trace messages go; sends to it are not traced
     * @param maxMessageSize  the producer's body limit, which trace messages stay under too
     * @param sink            sends trace messages
     * @param brokerAddresses the address of a broker by (topic, broker name), or null: the store host of oneway
     *                        sends, which get no broker message id back
     */
    public static MessageTracer start(String group, String traceTopic, int maxMessageSize, TraceSink sink,
                                      BiFunction<String, String, String> brokerAddresses) {
        TraceSender sender = new TraceSender(sink, new TraceBatcher(Math.min(MAX_BODY_BYTES, maxMessageSize)),
                QUEUE_CAPACITY, MAX_INFLIGHT, MessageTracer::localHost, "mq-producer-trace");
        sender.start();
        return new MessageTracer(sender, group, traceTopic, brokerAddresses);
    }

    /**
     * {@code send}, with a publish record for its message once the broker answered. {@code type} is
     * {@link TraceMessageType#NORMAL}, {@link TraceMessageType#ORDER} or {@link TraceMessageType#TRANSACTION_HALF};
     * delayed messages are recorded as {@link TraceMessageType#DELAY}.
     */
    public Supplier<CompletableFuture<SendResult>> single(Message message, TraceMessageType type,
                                                          Supplier<CompletableFuture<SendResult>> send) {
        if (sender == null || message == null || traceTopic.equals(message.topic())) {
            return send;
        }
        TraceMessageType kind = type != TraceMessageType.TRANSACTION_HALF && message.isDelayed()
                ? TraceMessageType.DELAY : type;
        return () -> {
            long started = System.currentTimeMillis();
            // The caller gets the stage after the record was queued: once a send counts as done, close() finds its
            // record in the queue.
            return send.get().whenComplete((result, error) -> {
                if (result != null) {
                    publish(message, result, kind, started, System.currentTimeMillis());
                }
            });
        };
    }

    /** {@code send}, with a publish record for each message of the batch once the broker answered. */
    public Supplier<CompletableFuture<List<SendResult>>> batch(List<Message> messages,
                                                               Supplier<CompletableFuture<List<SendResult>>> send) {
        if (sender == null || messages == null || messages.isEmpty()
                || messages.get(0) == null || traceTopic.equals(messages.get(0).topic())) {
            return send;
        }
        return () -> {
            long started = System.currentTimeMillis();
            return send.get().whenComplete((results, error) -> {
                // A batch that failed part-way still stored its first messages.
                List<SendResult> stored = results != null ? results
                        : Failures.unwrap(error) instanceof PartialBatchException partial ? partial.sent() : List.of();
                long ended = System.currentTimeMillis();
                for (int i = 0; i < stored.size() && i < messages.size(); i++) {
                    Message message = messages.get(i);
                    publish(message, stored.get(i), message.isDelayed() ? TraceMessageType.DELAY
                            : TraceMessageType.NORMAL, started, ended);
                }
            });
        };
    }

    /** Records the decision sent for the half message {@code half} of {@code message}. */
    public void endTransaction(Message message, SendResult half, TransactionState state) {
        if (sender == null || message == null || half == null) {
            return;
        }
        offer(() -> new EndTransactionRecord(System.currentTimeMillis(), region(half.regionId()), group,
                message.topic(), half.messageId(), message.tags(), message.keys(), storeHost(half), half.messageId(),
                stateName(state), false));
    }

    /**
     * Records the decision sent in answer to a broker's check-back.
     *
     * @param topic         the half message's topic, without namespace
     * @param properties    the half message's properties as the broker stored them (tags, keys, region)
     * @param brokerAddress the broker that asked
     */
    public void checkedTransaction(String topic, Map<String, String> properties, String messageId,
                                   String transactionId, String brokerAddress, TransactionState state) {
        if (sender == null) {
            return;
        }
        String keys = properties.get(MessageProperty.KEYS);
        List<String> keyList = keys == null || keys.isEmpty() ? List.of()
                : List.of(keys.split(MessageProperty.KEY_SEPARATOR));
        offer(() -> new EndTransactionRecord(System.currentTimeMillis(),
                region(properties.get(MessageProperty.MSG_REGION)), group, topic, messageId,
                properties.get(MessageProperty.TAGS), keyList, brokerAddress,
                transactionId == null ? messageId : transactionId, stateName(state), true));
    }

    /** Trace records not written so far (queue full, trace send failed, or dropped at close); 0 when off. */
    public long dropped() {
        return sender == null ? 0 : sender.dropped();
    }

    /** Writes what is queued within {@code timeoutMillis}, then stops. */
    public void close(long timeoutMillis) {
        if (sender != null) {
            sender.close(timeoutMillis);
        }
    }

    private void publish(Message message, SendResult result, TraceMessageType type, long started, long ended) {
        offer(() -> new PublishRecord(started, region(result.regionId()), group, message.topic(), result.messageId(),
                message.tags(), message.keys(), storeHost(result), message.body().length, ended - started, type,
                result.offsetMessageId(), result.status() == SendStatus.SEND_OK));
    }

    /** Queues the record {@code make} builds; a record that cannot be made is dropped, never failing the send. */
    private void offer(Supplier<TraceRecord> make) {
        TraceRecord record;
        try {
            record = make.get();
        } catch (RuntimeException e) {
            log.debug("message trace: record not made: {}", e.toString());
            sender.drop();
            return;
        }
        sender.offer(record);
    }

    private String storeHost(SendResult result) {
        String host = StoreHosts.fromOffsetMessageId(result.offsetMessageId());
        if (host == null && brokerAddresses != null && result.queue() != null) {
            host = brokerAddresses.apply(result.queue().topic(), result.queue().brokerName());
        }
        return host;
    }

    private static String region(String region) {
        return region == null || region.isEmpty() ? TraceRecord.DEFAULT_REGION : region;
    }

    /** The names of RocketMQ's {@code LocalTransactionState}, which the decoder parses. */
    private static String stateName(TransactionState state) {
        return switch (state) {
            case COMMIT -> "COMMIT_MESSAGE";
            case ROLLBACK -> "ROLLBACK_MESSAGE";
            case UNKNOWN -> "UNKNOW";
        };
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (java.io.IOException | RuntimeException e) {
            return ""; // a record without a client host still decodes
        }
    }
}

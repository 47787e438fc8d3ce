package io.mqproducer.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * Reads every message of one topic from the beginning with the official RocketMQ client, so that tests can check what
 * a producer really stored on the broker.
 *
 * <p>It uses a {@link DefaultLitePullConsumer} with a consumer group of its own, assigned to all queues of the topic
 * and starting at offset 0. Up to 20 queues are read in parallel; more are served in turns, which can delay messages by
 * seconds. The topic does not have to exist yet: its queues are looked up until it does. All messages received so far
 * are kept; {@link #await} and {@link #drain} return them in arrival order. Not thread-safe: use one instance from one
 * test thread.
 */
public final class ReadBackConsumer implements AutoCloseable {

    /** Consumer groups and client instance names of read-back consumers start with this. */
    static final String GROUP_PREFIX = "read-back-";

    private static final long POLL_MILLIS = 100;
    private static final long ROUTE_RETRY_MILLIS = 50;
    private static final int BODY_PREVIEW_CHARS = 80;
    private static final int MAX_PARALLEL_QUEUES = 20;

    private final String topic;
    private final DefaultLitePullConsumer consumer;
    private final List<MessageExt> received = new ArrayList<>();
    private boolean assigned;
    private boolean closed;

    private ReadBackConsumer(String nameServer, String topic, RPCHook rpcHook) {
        this.topic = topic;
        String id = UUID.randomUUID().toString().replace("-", "");
        this.consumer = rpcHook == null ? new DefaultLitePullConsumer(GROUP_PREFIX + id)
                : new DefaultLitePullConsumer(GROUP_PREFIX + id, rpcHook);
        consumer.setNamesrvAddr(nameServer);
        consumer.setInstanceName(GROUP_PREFIX + id);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setAutoCommit(false); // the group is used once, its offsets never matter
        // Each queue's pull blocks in the broker's long polling for up to 20 s, so keep one pull thread per queue:
        // the client's default of 20 threads covers topics of up to 20 queues without delay.
        consumer.setPullThreadNums(MAX_PARALLEL_QUEUES);
        consumer.setPollTimeoutMillis(POLL_MILLIS);
        try {
            consumer.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot start the read-back consumer for topic " + topic, e);
        }
    }

    /**
     * Starts a consumer that reads {@code topic} from the beginning through the name server at {@code nameServer}.
     *
     * @param nameServer address such as {@code 127.0.0.1:9876}
     * @param topic the topic to read
     */
    public static ReadBackConsumer of(String nameServer, String topic) {
        Objects.requireNonNull(nameServer, "nameServer");
        Objects.requireNonNull(topic, "topic");
        return new ReadBackConsumer(nameServer, topic, null);
    }

    /** Like {@link #of(String, String)}, for a broker with authentication: requests are signed with these keys. */
    public static ReadBackConsumer of(String nameServer, String topic, String accessKey, String secretKey) {
        Objects.requireNonNull(nameServer, "nameServer");
        Objects.requireNonNull(topic, "topic");
        return new ReadBackConsumer(nameServer, topic,
                new AclClientRPCHook(new SessionCredentials(accessKey, secretKey)));
    }

    /**
     * Returns once at least {@code count} messages have arrived, with all messages received so far.
     *
     * @throws AssertionError listing the messages that did arrive, if {@code timeout} passes first
     */
    public List<MessageExt> await(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count) {
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                throw new AssertionError("expected " + count + " messages on topic " + topic + " within "
                        + timeout.toMillis() + " ms but " + describeReceived());
            }
            pollOnce(Math.min(remainingMillis, POLL_MILLIS));
        }
        return List.copyOf(received);
    }

    /**
     * Returns all messages received so far once no new message has arrived for {@code quiet}; useful to check that
     * nothing more (a duplicate, say) shows up.
     */
    public List<MessageExt> drain(Duration quiet) {
        long quietNanos = quiet.toNanos();
        long lastArrival = System.nanoTime();
        while (System.nanoTime() - lastArrival < quietNanos) {
            long remainingMillis = Math.max(1, (quietNanos - (System.nanoTime() - lastArrival)) / 1_000_000);
            if (pollOnce(Math.min(remainingMillis, POLL_MILLIS)) > 0) {
                lastArrival = System.nanoTime();
            }
        }
        return List.copyOf(received);
    }

    /**
     * Stops the consumer. The official client's shutdown waits up to 3 seconds for an idle event thread, so it finishes
     * in the background; the consumer group is this instance's alone, so nothing else waits for it. Safe to call more
     * than once.
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Background.run("read-back-close-" + topic, consumer::shutdown);
        }
    }

    /** Polls for up to {@code millis} and returns how many messages arrived. */
    private int pollOnce(long millis) {
        if (closed) {
            throw new IllegalStateException("the read-back consumer for topic " + topic + " is closed");
        }
        if (!assigned && !assignAllQueues()) {
            Polling.pause(Math.min(millis, ROUTE_RETRY_MILLIS));
            return 0;
        }
        List<MessageExt> batch = consumer.poll(millis);
        received.addAll(batch);
        return batch.size();
    }

    private boolean assignAllQueues() {
        Collection<MessageQueue> queues;
        try {
            queues = consumer.fetchMessageQueues(topic);
        } catch (MQClientException e) {
            return false; // the topic has no route yet: it is created by the first send, or by createTopic
        }
        if (queues.isEmpty()) {
            return false;
        }
        consumer.assign(queues);
        assigned = true;
        return true;
    }

    private String describeReceived() {
        StringBuilder text = new StringBuilder("received ").append(received.size()).append(':');
        for (MessageExt message : received) {
            text.append(System.lineSeparator()).append("  ").append(describe(message));
        }
        return text.toString();
    }

    private static String describe(MessageExt message) {
        String body = message.getBody() == null ? "" : new String(message.getBody(), StandardCharsets.UTF_8);
        if (body.length() > BODY_PREVIEW_CHARS) {
            body = body.substring(0, BODY_PREVIEW_CHARS) + "...";
        }
        return "queue=" + message.getQueueId() + " offset=" + message.getQueueOffset() + " keys=" + message.getKeys()
                + " tags=" + message.getTags() + " body=\"" + body + "\"";
    }
}

package io.mqproducer.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.Producer;
import io.mqproducer.ProducerOptions;
import io.mqproducer.SendResult;
import io.mqproducer.TransactionResult;
import io.mqproducer.TransactionState;
import io.mqproducer.message.Message;
import io.mqproducer.test.RocketMQCluster;
import io.mqproducer.test.StoredMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The cells of the compatibility matrix, run once per server shape by each subclass: every send mode and feature of
 * the producer against servers of another version in JVMs of their own, each read back with the official consumer of
 * that version. A cell passes when every message arrives exactly once with body, tags, keys, properties and message id
 * as sent, and nothing that should not arrive does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CompatibilityMatrix {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    RocketMQCluster cluster;
    Producer producer;
    private final AtomicInteger topics = new AtomicInteger();
    private boolean failed;

    @RegisterExtension
    final TestWatcher keepLogsOfFailures = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            failed = true;
        }
    };

    /** Starts the servers of this shape. */
    abstract RocketMQCluster startCluster();

    /**
     * The message.type of the topic for sendOrderly: FIFO where the servers do not check it; through a proxy NORMAL,
     * because the proxy takes only messages with a {@code __SHARDINGKEY} property as FIFO and sendOrderly orders by
     * queue, as the official remoting client does.
     */
    String orderlyTopicType() {
        return "FIFO";
    }

    /** Whether topics carry RocketMQ 5's message.type attribute. */
    boolean typedTopics() {
        return !cluster.version().startsWith("4.");
    }

    ProducerOptions.Builder options() {
        return ProducerOptions.builder(cluster.clientEndpoint()).producerGroup("compat-" + getClass().getSimpleName())
                .sendTimeout(Duration.ofSeconds(10))
                .transactionChecker(half -> "check-commit".equals(half.property("decision"))
                        ? TransactionState.COMMIT : TransactionState.ROLLBACK);
    }

    @BeforeAll
    void startServersAndProducer() {
        cluster = startCluster();
        System.out.println(getClass().getSimpleName() + ": " + cluster + " started in "
                + cluster.startupTime().toMillis() + " ms");
        producer = Producer.create(options().build()).start();
    }

    @AfterAll
    void stopAll() {
        if (producer != null) {
            producer.close();
        }
        if (cluster != null) {
            if (failed) {
                cluster.keepLogsIn(Path.of("target", "rocketmq-logs", getClass().getSimpleName()));
            }
            cluster.close();
        }
    }

    public RocketMQCluster cluster() {
        return cluster;
    }

    public Producer producer() {
        return producer;
    }

    /** A new topic of {@code messageType} (NORMAL, FIFO, DELAY, TRANSACTION), with 4 queues per broker. */
    public String topic(String messageType) {
        String topic = getClass().getSimpleName() + "-" + topics.incrementAndGet();
        cluster.createTopic(topic, 4, typedTopics() ? messageType : null);
        return topic;
    }

    static Message message(String topic, String body) {
        return Message.builder(topic).body(body.getBytes(StandardCharsets.UTF_8)).tags("tag-a")
                .keys("key-" + body, "second-" + body).property("color", "blue").property("body", body).build();
    }

    static List<Message> messages(String topic, String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> message(topic, prefix + i)).toList();
    }

    /** Reads {@code topic} back and checks that exactly the sent messages arrived, once each, as they were sent. */
    public List<StoredMessage> assertStoredExactlyOnce(String topic, List<Message> sent, List<String> messageIds) {
        List<StoredMessage> stored = cluster.readBack(topic, sent.size(), READ_TIMEOUT);
        assertThat(stored).as("stored messages of " + topic).hasSize(sent.size());
        assertThat(stored).extracting(StoredMessage::messageId).as("message ids")
                .containsExactlyInAnyOrderElementsOf(messageIds);
        for (Message message : sent) {
            String body = new String(message.body(), StandardCharsets.UTF_8);
            assertThat(stored).filteredOn(m -> m.bodyText().equals(body)).singleElement().satisfies(m -> {
                assertThat(m.tags()).isEqualTo(message.tags());
                assertThat(m.keys()).isEqualTo(String.join(" ", message.keys()));
                message.properties().forEach((k, v) -> assertThat(m.properties()).containsEntry(k, v));
            });
        }
        return stored;
    }

    @Test
    void syncSend() {
        String topic = topic("NORMAL");
        List<Message> sent = messages(topic, "sync-", 5);
        List<String> ids = sent.stream().map(m -> producer.send(m).messageId()).toList();
        assertStoredExactlyOnce(topic, sent, ids);
    }

    @Test
    void asyncSend() {
        String topic = topic("NORMAL");
        List<Message> sent = messages(topic, "async-", 20);
        List<CompletableFuture<SendResult>> futures = sent.stream().map(producer::sendAsync).toList();
        List<String> ids = futures.stream().map(f -> f.join().messageId()).toList();
        assertStoredExactlyOnce(topic, sent, ids);
    }

    @Test
    void onewaySend() {
        String topic = topic("NORMAL");
        List<Message> sent = messages(topic, "oneway-", 5);
        sent.forEach(producer::sendOneway);
        List<StoredMessage> stored = cluster.readBack(topic, sent.size(), READ_TIMEOUT);
        assertThat(stored).extracting(StoredMessage::bodyText)
                .containsExactlyInAnyOrder("oneway-0", "oneway-1", "oneway-2", "oneway-3", "oneway-4");
        assertThat(stored).extracting(StoredMessage::tags).containsOnly("tag-a");
    }

    @Test
    void batchSend() {
        String topic = topic("NORMAL");
        List<Message> sent = messages(topic, "batch-", 10);
        List<String> ids = producer.sendBatch(sent).stream().map(SendResult::messageId).toList();
        assertStoredExactlyOnce(topic, sent, ids);
    }

    @Test
    void orderlySend() {
        String topic = topic(orderlyTopicType());
        List<Message> sent = messages(topic, "orderly-", 10);
        List<String> ids = sent.stream().map(m -> producer.sendOrderly(m, "customer-7").messageId()).toList();
        List<StoredMessage> stored = assertStoredExactlyOnce(topic, sent, ids);
        assertThat(stored).extracting(m -> m.brokerName() + "/" + m.queueId()).as("one queue for one key")
                .containsOnly(stored.get(0).brokerName() + "/" + stored.get(0).queueId());
        assertThat(stored.stream().sorted((a, b) -> Long.compare(a.queueOffset(), b.queueOffset()))
                .map(StoredMessage::bodyText)).as("stored in send order")
                .containsExactlyElementsOf(sent.stream().map(m -> new String(m.body(), StandardCharsets.UTF_8))
                        .toList());
    }

    @Test
    void delayLevelSend() {
        String topic = topic("DELAY");
        Message delayed = Message.builder(topic).body("delayed".getBytes(StandardCharsets.UTF_8)).tags("tag-a")
                .keys("key-delayed").delayLevel(2).build(); // level 2 is 5 s
        String id = producer.send(delayed).messageId();
        StoredMessage stored = cluster.readBack(topic, 1, READ_TIMEOUT).get(0);
        assertThat(stored.messageId()).isEqualTo(id);
        assertThat(stored.storeTimestamp() - stored.bornTimestamp()).as("stored when due, 5 s after it was born")
                .isGreaterThanOrEqualTo(4_000);
    }

    @Test
    void compressedBody() {
        String topic = topic("NORMAL");
        String body = "{\"order\":\"compressible\",\"lines\":[" + "{\"sku\":\"A-1\",\"qty\":1},".repeat(800) + "{}]}";
        Message big = Message.builder(topic).body(body.getBytes(StandardCharsets.UTF_8)).tags("tag-a")
                .keys("key-compressed").property("color", "blue").build();
        String id = producer.send(big).messageId();
        StoredMessage stored = assertStoredExactlyOnce(topic, List.of(big), List.of(id)).get(0);
        assertThat(stored.body()).as("the consumer decompressed the original body").isEqualTo(big.body());
    }

    @Test
    void namespace() {
        String topic = getClass().getSimpleName() + "-ns";
        cluster.createTopic("compat%" + topic, 4, typedTopics() ? "NORMAL" : null);
        try (Producer spaced = Producer.create(options().namespace("compat").producerGroup("compat-ns").build())
                .start()) {
            Message message = message(topic, "namespaced");
            SendResult result = spaced.send(message);
            assertThat(result.queue().topic()).as("the user sees the topic without namespace").isEqualTo(topic);
            List<StoredMessage> stored = cluster.readBack("compat%" + topic, 1, READ_TIMEOUT);
            assertThat(stored).singleElement().satisfies(m -> {
                assertThat(m.messageId()).isEqualTo(result.messageId());
                assertThat(m.bodyText()).isEqualTo("namespaced");
            });
        }
    }

    @Test
    void transactionCommitRollbackAndCheckBack() {
        String topic = topic("TRANSACTION");
        TransactionResult committed = producer.sendInTransaction(txMessage(topic, "committed", "none"),
                m -> TransactionState.COMMIT);
        TransactionResult rolledBack = producer.sendInTransaction(txMessage(topic, "rolled-back", "none"),
                m -> TransactionState.ROLLBACK);
        TransactionResult checked = producer.sendInTransaction(txMessage(topic, "checked", "check-commit"),
                m -> TransactionState.UNKNOWN);
        TransactionResult checkedAway = producer.sendInTransaction(txMessage(topic, "checked-away", "check-rollback"),
                m -> TransactionState.UNKNOWN);
        assertThat(List.of(committed.state(), rolledBack.state(), checked.state(), checkedAway.state()))
                .containsExactly(TransactionState.COMMIT, TransactionState.ROLLBACK, TransactionState.UNKNOWN,
                        TransactionState.UNKNOWN);
        List<StoredMessage> stored = cluster.readBack(topic, 2, READ_TIMEOUT);
        assertThat(stored).extracting(StoredMessage::bodyText).as("committed and checked-then-committed, once each")
                .containsExactlyInAnyOrder("committed", "checked");
        assertThat(stored).extracting(StoredMessage::messageId).containsExactlyInAnyOrder(
                committed.sendResult().messageId(), checked.sendResult().messageId());
        assertThat(rolledBack.sendResult().messageId()).isNotIn(stored.stream().map(StoredMessage::messageId)
                .toList());
    }

    static Message txMessage(String topic, String body, String decision) {
        return Message.builder(topic).body(body.getBytes(StandardCharsets.UTF_8)).tags("tx")
                .keys("key-" + body).property("decision", decision).build();
    }

}

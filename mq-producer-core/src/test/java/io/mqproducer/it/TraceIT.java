package io.mqproducer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.Producer;
import io.mqproducer.ProducerDefaults;
import io.mqproducer.ProducerOptions;
import io.mqproducer.SendResult;
import io.mqproducer.TransactionResult;
import io.mqproducer.TransactionState;
import io.mqproducer.message.Message;
import io.mqproducer.spi.MessageQueueSelector;
import io.mqproducer.test.EmbeddedRocketMQ;
import io.mqproducer.test.EmbeddedRocketMQTest;
import io.mqproducer.test.ReadBackConsumer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.trace.TraceBean;
import org.apache.rocketmq.client.trace.TraceContext;
import org.apache.rocketmq.client.trace.TraceDataEncoder;
import org.apache.rocketmq.client.trace.TraceType;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageType;
import org.junit.jupiter.api.Test;

/**
 * Message trace against a real broker: the trace topic is read back with the official consumer and its records
 * decoded with the official client's {@link TraceDataEncoder}, the decoder RocketMQ Dashboard's data goes through.
 */
@EmbeddedRocketMQTest
class TraceIT {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void everySendModeWritesOnePublishRecordPerMessageToTheDefaultTraceTopic(EmbeddedRocketMQ broker) throws Exception {
        String topic = "TraceIT_modes";
        broker.createTopic(topic, 4);
        String run = UUID.randomUUID().toString().replace("-", "");
        Map<String, Long> wallMillis = new HashMap<>(); // by message id: an upper bound of each record's cost
        String onewayKey = "oneway-" + run;
        Map<String, String> offsetIds = new HashMap<>();
        try (Producer producer = Producer.create(ProducerOptions.builder(broker.nameServerAddress())
                .producerGroup("trace-it").traceEnabled(true).sendTimeout(Duration.ofSeconds(10)).build()).start()) {
            long start = System.nanoTime();
            SendResult sync = producer.send(message(topic, "sync", "key-sync-" + run));
            wallMillis.put(sync.messageId(), millisSince(start));

            start = System.nanoTime();
            SendResult async = producer.sendAsync(message(topic, "async", "key-async-" + run)).get();
            wallMillis.put(async.messageId(), millisSince(start));

            start = System.nanoTime();
            producer.sendOneway(message(topic, "oneway", onewayKey));
            wallMillis.put(onewayKey, millisSince(start));

            start = System.nanoTime();
            List<SendResult> batch = producer.sendBatch(List.of(message(topic, "batch", "key-b1-" + run),
                    message(topic, "batch", "key-b2-" + run), message(topic, "batch", "key-b3-" + run)));
            long batchMillis = millisSince(start);
            batch.forEach(result -> wallMillis.put(result.messageId(), batchMillis));

            start = System.nanoTime();
            SendResult orderly = producer.sendOrderly(message(topic, "orderly", "key-orderly-" + run), "shard-1");
            wallMillis.put(orderly.messageId(), millisSince(start));
            start = System.nanoTime();
            SendResult selected = producer.sendAsync(message(topic, "selected", "key-selected-" + run),
                    MessageQueueSelector.byHash("shard-2")).get();
            wallMillis.put(selected.messageId(), millisSince(start));
            List<SendResult> answered = List.of(sync, async, batch.get(0), batch.get(1), batch.get(2), orderly,
                    selected);
            for (SendResult result : answered) {
                offsetIds.put(result.messageId(), result.offsetMessageId());
            }
        } // close() flushes the records still queued

        Map<String, MessageExt> stored = new HashMap<>();
        try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), topic)) {
            consumer.await(8, READ_TIMEOUT).stream().filter(m -> m.getKeys().endsWith(run))
                    .forEach(m -> stored.put(m.getMsgId(), m));
        }
        assertThat(stored).hasSize(8);
        String onewayId = stored.values().stream().filter(m -> m.getKeys().equals(onewayKey)).findFirst()
                .orElseThrow().getMsgId();
        wallMillis.put(onewayId, wallMillis.remove(onewayKey));

        List<Decoded> records = readTrace(broker, ProducerDefaults.TRACE_TOPIC,
                found -> found.stream().filter(d -> stored.containsKey(d.bean().getMsgId())).count() >= 8);
        List<Decoded> ours = records.stream().filter(d -> stored.containsKey(d.bean().getMsgId())).toList();
        assertThat(ours).as("one publish record per message").hasSize(8)
                .extracting(d -> d.bean().getMsgId()).doesNotHaveDuplicates();
        for (Decoded record : ours) {
            TraceContext context = record.context();
            TraceBean bean = record.bean();
            MessageExt message = stored.get(bean.getMsgId());
            String body = new String(message.getBody(), StandardCharsets.UTF_8);
            assertThat(context.getTraceType()).isEqualTo(TraceType.Pub);
            assertThat(context.getGroupName()).isEqualTo("trace-it");
            assertThat(context.getRegionId()).isEqualTo("DefaultRegion");
            assertThat(context.isSuccess()).as(body).isTrue();
            assertThat(context.getCostTime()).as(body).isBetween(0, wallMillis.get(bean.getMsgId()).intValue() + 1);
            assertThat(bean.getTopic()).isEqualTo(topic);
            assertThat(bean.getTags()).isEqualTo("tag-" + body);
            assertThat(bean.getKeys()).isEqualTo(message.getKeys());
            assertThat(bean.getStoreHost()).as(body).isEqualTo(storeHost(message)).isEqualTo(broker.brokerAddress());
            assertThat(bean.getBodyLength()).isEqualTo(message.getBody().length);
            assertThat(bean.getClientHost()).as("the 15th field").isNotBlank();
            assertThat(bean.getMsgType()).as(body).isEqualTo(body.equals("orderly") || body.equals("selected")
                    ? MessageType.Order_Msg : MessageType.Normal_Msg);
            if (body.equals("oneway")) {
                assertThat(bean.getOffsetMsgId()).as("no broker id comes back for oneway").isEmpty();
            } else {
                assertThat(bean.getOffsetMsgId()).isEqualTo(offsetIds.get(bean.getMsgId())).isNotBlank();
            }
            assertThat(record.traceMessage().getKeys().split(" ")).as("found by id and user keys")
                    .contains(bean.getMsgId(), message.getKeys());
        }
    }

    @Test
    void transactionsWriteHalfAndEndRecordsToACustomTraceTopic(EmbeddedRocketMQ broker) {
        String topic = "TraceIT_tx";
        String traceTopic = "TraceIT_custom_trace";
        broker.createTopic(topic, 2);
        TransactionResult committed;
        TransactionResult rolledBack;
        TransactionResult checked;
        try (Producer producer = Producer.create(ProducerOptions.builder(broker.nameServerAddress())
                .producerGroup("trace-tx-it").traceEnabled(true).traceTopic(traceTopic)
                .sendTimeout(Duration.ofSeconds(10))
                .transactionChecker(half -> TransactionState.ROLLBACK).build()).start()) {
            committed = producer.sendInTransaction(message(topic, "commit", "tx-commit"), m -> TransactionState.COMMIT);
            rolledBack = producer.sendInTransaction(message(topic, "rollback", "tx-rollback"),
                    m -> TransactionState.ROLLBACK);
            checked = producer.sendInTransaction(message(topic, "checked", "tx-checked"),
                    m -> TransactionState.UNKNOWN);
            String checkedId = checked.sendResult().messageId();
            // The broker asks about the undecided one within seconds; the checker rolls it back.
            readTrace(broker, traceTopic, found -> found.stream().anyMatch(d -> d.bean().getMsgId().equals(checkedId)
                    && d.context().getTraceType() == TraceType.EndTransaction && d.bean().isFromTransactionCheck()));
            assertThat(producer.traceRecordsDropped()).isZero();
        }
        String commitId = committed.sendResult().messageId();
        String rollbackId = rolledBack.sendResult().messageId();
        String checkedId = checked.sendResult().messageId();
        List<Decoded> records = readTrace(broker, traceTopic, found -> found.stream()
                .filter(d -> d.context().getTraceType() == TraceType.EndTransaction).count() >= 4);

        assertThat(records).as("trace messages are not traced themselves")
                .noneMatch(d -> traceTopic.equals(d.bean().getTopic()));
        assertThat(records).filteredOn(d -> d.context().getTraceType() == TraceType.Pub)
                .extracting(d -> d.bean().getMsgId()).containsExactlyInAnyOrder(commitId, rollbackId, checkedId);
        assertThat(records).filteredOn(d -> d.context().getTraceType() == TraceType.Pub).allSatisfy(d -> {
            assertThat(d.bean().getMsgType()).isEqualTo(MessageType.Trans_Msg_Half);
            assertThat(d.bean().getTopic()).isEqualTo(topic);
            assertThat(d.context().isSuccess()).isTrue();
        });
        List<Decoded> ends = records.stream().filter(d -> d.context().getTraceType() == TraceType.EndTransaction)
                .filter(d -> !d.bean().isFromTransactionCheck()).toList();
        assertThat(ends).hasSize(3).allSatisfy(d -> {
            assertThat(d.context().getGroupName()).isEqualTo("trace-tx-it");
            assertThat(d.bean().getTopic()).isEqualTo(topic);
            assertThat(d.bean().getMsgType()).isEqualTo(MessageType.Trans_msg_Commit);
            assertThat(d.bean().getTransactionId()).isEqualTo(d.bean().getMsgId());
            assertThat(d.bean().getStoreHost()).isEqualTo(broker.brokerAddress());
        });
        assertThat(ends).filteredOn(d -> d.bean().getMsgId().equals(commitId)).singleElement().satisfies(d -> {
            assertThat(d.bean().getTransactionState()).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
            assertThat(d.bean().getKeys()).isEqualTo("tx-commit");
            assertThat(d.bean().getTags()).isEqualTo("tag-commit");
        });
        assertThat(ends).filteredOn(d -> d.bean().getMsgId().equals(rollbackId)).singleElement().satisfies(d ->
                assertThat(d.bean().getTransactionState()).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE));
        assertThat(ends).filteredOn(d -> d.bean().getMsgId().equals(checkedId)).singleElement().satisfies(d ->
                assertThat(d.bean().getTransactionState()).isEqualTo(LocalTransactionState.UNKNOW));
        // The broker may also check a decided transaction whose end it has not processed yet; the producer then
        // answers with the decision it made (TransactionDecisions), which the trace shows as well.
        assertThat(records).filteredOn(d -> d.bean().isFromTransactionCheck()
                && !d.bean().getMsgId().equals(checkedId)).allSatisfy(d -> assertThat(d.bean().getTransactionState())
                .isEqualTo(d.bean().getMsgId().equals(commitId) ? LocalTransactionState.COMMIT_MESSAGE
                        : LocalTransactionState.ROLLBACK_MESSAGE));
        assertThat(records).as("the check-back's answer").filteredOn(d -> d.bean().isFromTransactionCheck()
                && d.bean().getMsgId().equals(checkedId)).isNotEmpty().allSatisfy(d -> {
                    assertThat(d.bean().getMsgId()).isEqualTo(checkedId);
                    assertThat(d.bean().getTransactionState()).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
                    assertThat(d.bean().getKeys()).isEqualTo("tx-checked");
                    assertThat(d.bean().getTags()).isEqualTo("tag-checked");
                    assertThat(d.bean().getTopic()).isEqualTo(topic);
                    assertThat(d.bean().getStoreHost()).isEqualTo(broker.brokerAddress());
                });
    }

    /** A decoded record, with the trace message that carried it. */
    private record Decoded(TraceContext context, TraceBean bean, MessageExt traceMessage) {
    }

    /** Reads the trace topic, decoding every record, until {@code done} holds for them. */
    private static List<Decoded> readTrace(EmbeddedRocketMQ broker, String traceTopic, Predicate<List<Decoded>> done) {
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        try (ReadBackConsumer consumer = ReadBackConsumer.of(broker.nameServerAddress(), traceTopic)) {
            while (true) {
                List<Decoded> decoded = new ArrayList<>();
                for (MessageExt message : consumer.drain(Duration.ofMillis(300))) {
                    String text = new String(message.getBody(), StandardCharsets.UTF_8);
                    for (TraceContext context : TraceDataEncoder.decoderFromTraceDataString(text)) {
                        decoded.add(new Decoded(context, context.getTraceBeans().get(0), message));
                    }
                }
                if (done.test(decoded)) {
                    return decoded;
                }
                assertThat(System.nanoTime()).as("trace records in time; decoded so far: " + decoded.size())
                        .isLessThan(deadline);
            }
        }
    }

    private static Message message(String topic, String body, String key) {
        return Message.builder(topic).body(body.getBytes(StandardCharsets.UTF_8)).tags("tag-" + body).keys(key).build();
    }

    private static String storeHost(MessageExt message) {
        InetSocketAddress host = (InetSocketAddress) message.getStoreHost();
        return host.getAddress().getHostAddress() + ":" + host.getPort();
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}

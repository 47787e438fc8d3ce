package io.mqproducer.internal.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.trace.TraceBean;
import org.apache.rocketmq.client.trace.TraceContext;
import org.apache.rocketmq.client.trace.TraceDataEncoder;
import org.apache.rocketmq.client.trace.TraceType;
import org.apache.rocketmq.common.message.MessageType;
import org.junit.jupiter.api.Test;

/** Records packed into trace messages, read with the official client's decoder. */
class TraceBatcherTest {

    @Test
    void publishRecordDecodesFieldByField() {
        PublishRecord record = new PublishRecord(1_700_000_000_123L, "Region-A", "group-1", "Orders", "ID1", null,
                List.of("k1", "k2"), "10.1.2.3:10911", 42, 7, TraceMessageType.DELAY, "OFFSETID", false);
        TraceContext context = decodeOne(record);
        TraceBean bean = context.getTraceBeans().get(0);
        assertThat(context.getTraceType()).isEqualTo(TraceType.Pub);
        assertThat(context.getTimeStamp()).isEqualTo(1_700_000_000_123L);
        assertThat(context.getRegionId()).isEqualTo("Region-A");
        assertThat(context.getGroupName()).isEqualTo("group-1");
        assertThat(context.getCostTime()).isEqualTo(7);
        assertThat(context.isSuccess()).isFalse();
        assertThat(bean.getTopic()).isEqualTo("Orders");
        assertThat(bean.getMsgId()).isEqualTo("ID1");
        assertThat(bean.getTags()).as("no tag is written empty").isEmpty();
        assertThat(bean.getKeys()).isEqualTo("k1 k2");
        assertThat(bean.getStoreHost()).isEqualTo("10.1.2.3:10911");
        assertThat(bean.getBodyLength()).isEqualTo(42);
        assertThat(bean.getMsgType()).isEqualTo(MessageType.Delay_Msg);
        assertThat(bean.getOffsetMsgId()).isEqualTo("OFFSETID");
        assertThat(bean.getClientHost()).isEqualTo("192.168.0.9");
    }

    @Test
    void endTransactionRecordDecodesFieldByField() {
        EndTransactionRecord record = new EndTransactionRecord(1_700_000_000_456L, "DefaultRegion", "g", "Pay", "ID2",
                "t", List.of(), "10.1.2.3:10911", "ID2", "UNKNOW", true);
        TraceContext context = decodeOne(record);
        TraceBean bean = context.getTraceBeans().get(0);
        assertThat(context.getTraceType()).isEqualTo(TraceType.EndTransaction);
        assertThat(bean.getMsgType()).isEqualTo(MessageType.Trans_msg_Commit);
        assertThat(bean.getTransactionId()).isEqualTo("ID2");
        assertThat(bean.getTransactionState()).isEqualTo(LocalTransactionState.UNKNOW);
        assertThat(bean.isFromTransactionCheck()).isTrue();
        assertThat(bean.getKeys()).isEmpty();
    }

    @Test
    void recordsShareAMessageUpToTheBodyLimitAndKeepTheirKeys() {
        List<TraceRecord> records = IntStream.range(0, 10).<TraceRecord>mapToObj(i -> TraceSenderTest.record("id" + i))
                .toList();
        int oneRecord = encodedLength(records.get(0));

        List<TraceMessage> messages = new TraceBatcher(oneRecord * 4).pack(records, "h");

        assertThat(messages).extracting(TraceMessage::records).containsExactly(4, 4, 2);
        assertThat(messages).allSatisfy(m -> assertThat(m.body().length).isLessThanOrEqualTo(oneRecord * 4));
        assertThat(messages.get(0).keys()).containsExactly("id0", "k-id0", "id1", "k-id1", "id2", "k-id2", "id3",
                "k-id3");
        List<String> decodedIds = messages.stream()
                .flatMap(m -> TraceDataEncoder.decoderFromTraceDataString(new String(m.body(), StandardCharsets.UTF_8))
                        .stream())
                .map(c -> c.getTraceBeans().get(0).getMsgId()).toList();
        assertThat(decodedIds).containsExactly("id0", "id1", "id2", "id3", "id4", "id5", "id6", "id7", "id8", "id9");
    }

    @Test
    void keysAreBoundedPerMessage() {
        String longKey = "k".repeat(5000);
        List<TraceRecord> records = IntStream.range(0, 8).<TraceRecord>mapToObj(i -> new PublishRecord(1, "r", "g",
                "T", "id" + i, null, List.of(longKey + i), "h:1", 1, 1, TraceMessageType.NORMAL, null, true)).toList();

        List<TraceMessage> messages = new TraceBatcher(1_000_000).pack(records, "h");

        assertThat(messages).hasSizeGreaterThan(1).allSatisfy(m -> assertThat(String.join(" ", m.keys()).length())
                .isLessThanOrEqualTo(TraceBatcher.MAX_KEY_CHARS));
        assertThat(messages.stream().mapToInt(TraceMessage::records).sum()).isEqualTo(8);
    }

    @Test
    void storeHostComesFromTheBrokerMessageId() {
        assertThat(StoreHosts.fromOffsetMessageId("7F00000100002A9F0000000000000010")).isEqualTo("127.0.0.1:10911");
        assertThat(StoreHosts.fromOffsetMessageId("C0A8000900002A9F00000000DEADBEEF")).isEqualTo("192.168.0.9:10911");
        assertThat(StoreHosts.fromOffsetMessageId(null)).isNull();
        assertThat(StoreHosts.fromOffsetMessageId("XYZ")).isNull();
        assertThat(StoreHosts.fromOffsetMessageId("ZZ00000100002A9F0000000000000010")).isNull();
    }

    private static TraceContext decodeOne(TraceRecord record) {
        List<TraceMessage> messages = new TraceBatcher(100_000).pack(List.of(record), "192.168.0.9");
        assertThat(messages).hasSize(1);
        List<TraceContext> decoded = TraceDataEncoder.decoderFromTraceDataString(
                new String(messages.get(0).body(), StandardCharsets.UTF_8));
        assertThat(decoded).hasSize(1);
        return decoded.get(0);
    }

    private static int encodedLength(TraceRecord record) {
        StringBuilder text = new StringBuilder();
        record.appendTo(text, "h");
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}

package io.mqproducer.internal.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.ProducerOptions;
import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.internal.codec.MessagePropertiesCodec;
import io.mqproducer.internal.protocol.Namespace;
import io.mqproducer.internal.protocol.SysFlag;
import io.mqproducer.message.Message;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** The encode step: wire form, compression, properties, and the one decision whether a message may share a batch. */
class MessageEncoderTest {

    private static MessageEncoder encoder(ProducerOptions.Builder options) {
        return new MessageEncoder(options.build());
    }

    @Test
    void largeBodiesAreZlibCompressedWithTheCompressedFlags() throws Exception {
        MessageEncoder encoder = encoder(ProducerOptions.builder("n:1").compressionThreshold(100));
        byte[] body = new byte[5000];
        Arrays.fill(body, (byte) 'a');
        OutgoingMessage outgoing = encoder.encode(Message.builder("T").body(body).build());
        assertThat(outgoing.sysFlag() & 1).as("compressed flag").isEqualTo(1);
        assertThat(outgoing.sysFlag() >> 8 & 7).as("zlib type").isEqualTo(3);
        assertThat(outgoing.body().length).isLessThan(200);
        Inflater inflater = new Inflater();
        inflater.setInput(outgoing.body());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[1024];
        while (!inflater.finished()) {
            out.write(chunk, 0, inflater.inflate(chunk));
        }
        assertThat(out.toByteArray()).isEqualTo(body);

        OutgoingMessage small = encoder.encode(Message.builder("T").body(new byte[100]).build());
        assertThat(small.sysFlag()).isZero();
    }

    @Test
    void namespaceWrapsTheTopic() {
        MessageEncoder encoder = encoder(ProducerOptions.builder("n:1").namespace("tenant1").producerGroup("g"));
        OutgoingMessage outgoing = encoder.encode(Message.of("orders", new byte[] {1}));
        assertThat(outgoing.wireTopic()).isEqualTo("tenant1%orders");
        Namespace namespace = new Namespace("tenant1");
        assertThat(namespace.unwrap("tenant1%orders")).isEqualTo("orders");
        assertThat(namespace.wrap("%RETRY%g")).isEqualTo("%RETRY%tenant1%g");
        assertThat(namespace.wrap("tenant1%orders")).isEqualTo("tenant1%orders");
    }

    @Test
    void delayAndTimerPropertiesAreSet() {
        MessageEncoder encoder = encoder(ProducerOptions.builder("n:1"));
        assertThat(props(encoder, Message.builder("T").body(new byte[] {1}).delayLevel(3).build()))
                .containsEntry("DELAY", "3");
        assertThat(props(encoder, Message.builder("T").body(new byte[] {1}).deliverAt(Instant.ofEpochMilli(5000)).build()))
                .containsEntry("TIMER_DELIVER_MS", "5000");
        assertThat(props(encoder, Message.builder("T").body(new byte[] {1}).deliverAfter(Duration.ofSeconds(2))
                .build())).containsEntry("TIMER_DELAY_MS", "2000");
        assertThat(props(encoder, Message.builder("T").body(new byte[] {1}).waitStoreMsgOk(false).build()))
                .containsEntry("WAIT", "false");
    }

    @Test
    void oversizedPropertiesAreRejectedBeforeTheWire() {
        MessageEncoder encoder = encoder(ProducerOptions.builder("n:1"));
        Message.Builder builder = Message.builder("T").body(new byte[] {1});
        for (int i = 0; i < 4000; i++) {
            builder.keys("key-number-" + i);
        }
        Message message = builder.build();
        assertThatThrownBy(() -> encoder.encode(message)).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("limit is 32767");
    }

    private static Map<String, String> props(MessageEncoder encoder, Message message) {
        return MessagePropertiesCodec.decode(encoder.encode(message).properties());
    }

    @Test
    void aSmallPlainMessageMayShareABatchAndNothingElseDoes() {
        MessageEncoder encoder = encoder(ProducerOptions.builder("n:1").compressionThreshold(100).maxMessageSize(400));
        assertThat(encoder.encode(Message.of("T", new byte[100])).batchable()).as("at the threshold").isTrue();
        OutgoingMessage large = encoder.encode(Message.of("T", new byte[101]));
        assertThat(large.batchable()).as("above the compression threshold").isFalse();
        assertThat(large.sysFlag() & SysFlag.COMPRESSED).as("compressed, so it goes alone").isNotZero();
        assertThat(encoder.encode(Message.builder("T").body(new byte[1]).delayLevel(2).build()).batchable())
                .as("delayed").isFalse();
        assertThat(encoder.encode(Message.builder("T").body(new byte[1]).priority(1).build()).batchable())
                .as("priority").isFalse();
        assertThat(encoder.encode(Message.of("%RETRY%g", new byte[1])).batchable()).as("retry topic").isFalse();
        assertThat(encoder.encode(Message.of("T", new byte[1]), Map.of("TRAN_MSG", "true"),
                SysFlag.TRANSACTION_PREPARED).batchable()).as("transactional half message").isFalse();
        Message.Builder manyKeys = Message.builder("T").body(new byte[90]);
        for (int i = 0; i < 40; i++) {
            manyKeys.keys("key-" + i);
        }
        assertThat(encoder.encode(manyKeys.build()).batchable()).as("too large with its properties to share a request")
                .isFalse();
    }

    @Test
    void membersOfACallersBatchAreNeverCompressed() {
        MessageEncoder encoder = encoder(ProducerOptions.builder("n:1").compressionThreshold(10));
        byte[] body = new byte[1000];
        List<OutgoingMessage> members = encoder.encodeBatch(List.of(Message.of("T", body), Message.of("T", body)));
        assertThat(members).allSatisfy(member -> {
            assertThat(member.sysFlag()).isZero();
            assertThat(member.body()).isSameAs(body);
        });
        assertThat(members.get(0).uniqueId()).isNotEqualTo(members.get(1).uniqueId());
    }

    @Test
    void aMissingMessageOrAnOversizedBodyFailsTyped() {
        MessageEncoder encoder = encoder(ProducerOptions.builder("n:1").maxMessageSize(10));
        assertThatThrownBy(() -> encoder.encode(null)).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("must not be null");
        assertThatThrownBy(() -> encoder.encode(Message.of("T", new byte[11]))).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("10");
    }
}

package io.mqproducer.internal.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.MessageQueue;
import io.mqproducer.ProducerOptions;
import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.internal.codec.MessagePropertiesCodec;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.protocol.RequestCode;
import io.mqproducer.message.Message;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

class SendRequestFactoryTest {
    private static final MessageQueue QUEUE = new MessageQueue("T", "broker-a", 3);

    private static SendRequestFactory factory(ProducerOptions.Builder options) {
        return new SendRequestFactory(options.build());
    }

    @Test
    void headerCarriesEveryFieldOfSendMessageV2() {
        SendRequestFactory factory = factory(ProducerOptions.builder("n:1").producerGroup("g"));
        Message message = Message.builder("T").body(new byte[] {1, 2}).tags("tg").keys("k1", "k2").property("p", "v")
                .flag(9).build();
        OutgoingMessage outgoing = factory.encode(message, Map.of(), 0);
        RemotingCommand request = factory.request(outgoing, QUEUE, 77, 1234L);

        assertThat(request.code()).isEqualTo(RequestCode.SEND_MESSAGE_V2);
        assertThat(request.opaque()).isEqualTo(77);
        assertThat(request.extFields()).containsEntry("a", "g").containsEntry("b", "T").containsEntry("c", "TBW102")
                .containsEntry("d", "4").containsEntry("e", "3").containsEntry("f", "0").containsEntry("g", "1234")
                .containsEntry("h", "9").containsEntry("m", "false").containsEntry("n", "broker-a");
        Map<String, String> properties = MessagePropertiesCodec.decode(request.extField("i"));
        assertThat(properties).containsEntry("TAGS", "tg").containsEntry("KEYS", "k1 k2").containsEntry("p", "v")
                .containsEntry("UNIQ_KEY", outgoing.uniqueId()).doesNotContainKey("WAIT");
        assertThat(request.body()).containsExactly(1, 2);
    }

    @Test
    void binaryHeaderWrittenDirectlyDecodesToTheSameFieldsAsItsTextView() {
        SendRequestFactory factory = factory(ProducerOptions.builder("n:1").producerGroup("grp-ü").namespace("ns"));
        Message message = Message.builder("T").body(new byte[] {1}).tags("tag ✓").property("p", "välue").flag(-7)
                .build();
        OutgoingMessage outgoing = factory.encode(message, Map.of(), 0);
        RemotingCommand request = factory.request(outgoing, new MessageQueue("ns%T", "broker-ä", 12), 5,
                1_764_000_000_123L);

        io.netty.buffer.ByteBuf frame = io.netty.buffer.Unpooled.buffer();
        io.mqproducer.internal.codec.FrameCodec.encode(request, io.mqproducer.internal.codec.HeaderFormat.BINARY, frame);
        frame.readInt();
        RemotingCommand decoded = io.mqproducer.internal.codec.FrameCodec.decode(frame);

        assertThat(decoded.extFields()).isEqualTo(Map.copyOf(request.extFields())).hasSize(13)
                .containsEntry("a", "ns%grp-ü").containsEntry("e", "12").containsEntry("g", "1764000000123")
                .containsEntry("h", "-7").containsEntry("n", "broker-ä");
        assertThat(decoded.body()).containsExactly(1);
    }

    @Test
    void largeBodiesAreZlibCompressedWithTheCompressedFlags() throws Exception {
        SendRequestFactory factory = factory(ProducerOptions.builder("n:1").compressionThreshold(100));
        byte[] body = new byte[5000];
        Arrays.fill(body, (byte) 'a');
        OutgoingMessage outgoing = factory.encode(Message.builder("T").body(body).build(), Map.of(), 0);
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

        OutgoingMessage small = factory.encode(Message.builder("T").body(new byte[100]).build(), Map.of(), 0);
        assertThat(small.sysFlag()).isZero();
    }

    @Test
    void namespaceWrapsTopicAndGroup() {
        SendRequestFactory factory = factory(ProducerOptions.builder("n:1").namespace("tenant1").producerGroup("g"));
        OutgoingMessage outgoing = factory.encode(Message.of("orders", new byte[] {1}), Map.of(), 0);
        assertThat(outgoing.wireTopic()).isEqualTo("tenant1%orders");
        RemotingCommand request = factory.request(outgoing, new MessageQueue("tenant1%orders", "b", 0), 1, 1);
        assertThat(request.extFields()).containsEntry("a", "tenant1%g").containsEntry("b", "tenant1%orders");
        assertThat(factory.namespace().unwrap("tenant1%orders")).isEqualTo("orders");
        assertThat(factory.namespace().wrap("%RETRY%g")).isEqualTo("%RETRY%tenant1%g");
        assertThat(factory.namespace().wrap("tenant1%orders")).isEqualTo("tenant1%orders");
    }

    @Test
    void delayAndTimerPropertiesAreSet() {
        SendRequestFactory factory = factory(ProducerOptions.builder("n:1"));
        assertThat(props(factory, Message.builder("T").body(new byte[] {1}).delayLevel(3).build()))
                .containsEntry("DELAY", "3");
        assertThat(props(factory, Message.builder("T").body(new byte[] {1}).deliverAt(Instant.ofEpochMilli(5000)).build()))
                .containsEntry("TIMER_DELIVER_MS", "5000");
        assertThat(props(factory, Message.builder("T").body(new byte[] {1}).deliverAfter(java.time.Duration.ofSeconds(2))
                .build())).containsEntry("TIMER_DELAY_MS", "2000");
        assertThat(props(factory, Message.builder("T").body(new byte[] {1}).waitStoreMsgOk(false).build()))
                .containsEntry("WAIT", "false");
    }

    @Test
    void oversizedPropertiesAreRejectedBeforeTheWire() {
        SendRequestFactory factory = factory(ProducerOptions.builder("n:1"));
        Message.Builder builder = Message.builder("T").body(new byte[] {1});
        for (int i = 0; i < 4000; i++) {
            builder.keys("key-number-" + i);
        }
        Message message = builder.build();
        assertThatThrownBy(() -> factory.encode(message, Map.of(), 0)).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("limit is 32767");
    }

    private static Map<String, String> props(SendRequestFactory factory, Message message) {
        return MessagePropertiesCodec.decode(factory.encode(message, Map.of(), 0).properties());
    }
}

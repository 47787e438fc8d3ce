package io.mqproducer.internal.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import io.mqproducer.MessageQueue;
import io.mqproducer.ProducerOptions;
import io.mqproducer.internal.encode.MessageEncoder;
import io.mqproducer.internal.encode.OutgoingMessage;
import io.mqproducer.internal.codec.MessagePropertiesCodec;
import io.mqproducer.internal.codec.RemotingCommand;
import io.mqproducer.internal.protocol.RequestCode;
import io.mqproducer.message.Message;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests as the broker reads them: every header field of SEND_MESSAGE_V2, in text and binary form. */
class SendRequestsTest {
    private static final MessageQueue QUEUE = new MessageQueue("T", "broker-a", 3);

    private static MessageEncoder encoder(ProducerOptions.Builder options) {
        return new MessageEncoder(options.build());
    }

    @Test
    void headerCarriesEveryFieldOfSendMessageV2() {
        MessageEncoder encoder = encoder(ProducerOptions.builder("n:1").producerGroup("g"));
        SendRequests requests = new SendRequests("g");
        Message message = Message.builder("T").body(new byte[] {1, 2}).tags("tg").keys("k1", "k2").property("p", "v")
                .flag(9).build();
        OutgoingMessage outgoing = encoder.encode(message);
        RemotingCommand request = requests.request(outgoing, QUEUE, 77, 1234L);

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
        MessageEncoder encoder = encoder(ProducerOptions.builder("n:1").producerGroup("grp-ü").namespace("ns"));
        SendRequests requests = new SendRequests("ns%grp-ü");
        Message message = Message.builder("T").body(new byte[] {1}).tags("tag ✓").property("p", "välue").flag(-7)
                .build();
        OutgoingMessage outgoing = encoder.encode(message);
        RemotingCommand request = requests.request(outgoing, new MessageQueue("ns%T", "broker-ä", 12), 5,
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
    void namespaceWrapsTheGroupAndTheTopicOnTheWire() {
        MessageEncoder encoder = encoder(ProducerOptions.builder("n:1").namespace("tenant1").producerGroup("g"));
        OutgoingMessage outgoing = encoder.encode(Message.of("orders", new byte[] {1}));
        RemotingCommand request = new SendRequests("tenant1%g").request(outgoing,
                new MessageQueue("tenant1%orders", "b", 0), 1, 1);
        assertThat(request.extFields()).containsEntry("a", "tenant1%g").containsEntry("b", "tenant1%orders");
    }
}

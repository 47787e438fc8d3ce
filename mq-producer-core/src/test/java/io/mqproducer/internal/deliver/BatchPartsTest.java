package io.mqproducer.internal.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.ProducerOptions;
import io.mqproducer.internal.codec.BatchBodyEncoder;
import io.mqproducer.internal.encode.MessageEncoder;
import io.mqproducer.internal.encode.OutgoingMessage;
import io.mqproducer.message.Message;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPartsTest {
    private final MessageEncoder encoder = new MessageEncoder(ProducerOptions.builder("n:1").build());

    private static Message message(String topic, int size) {
        return Message.builder(topic).body(new byte[size]).build();
    }

    @Test
    void splitsIntoPartsThatFitTheLimitInOrder() {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            messages.add(message("a", 100));
        }
        List<OutgoingMessage> members = encoder.encodeBatch(messages);
        int memberSize = members.get(0).batchMember().encodedSize();
        List<BatchParts.Part> parts = BatchParts.split(members, memberSize * 3 + 1);
        assertThat(parts).extracting(BatchParts.Part::size).containsExactly(3, 3, 3, 1);
        assertThat(parts.stream().flatMap(part -> part.members().stream()).toList()).containsExactlyElementsOf(members);
        assertThatThrownBy(() -> BatchParts.split(members, memberSize - 1)).hasMessageContaining("batch member 0 takes");
    }

    @Test
    void encodesMembersInTheBrokersLayout() {
        OutgoingMessage member = encoder.encodeBatch(List.of(Message.builder("a")
                .body("xyz".getBytes(StandardCharsets.UTF_8)).flag(5).build())).get(0);
        byte[] properties = member.properties().getBytes(StandardCharsets.UTF_8);
        ByteBuffer body = ByteBuffer.wrap(BatchBodyEncoder.encode(List.of(member.batchMember(),
                member.batchMember())));
        for (int i = 0; i < 2; i++) {
            assertThat(body.getInt()).isEqualTo(20 + 3 + 2 + properties.length);
            assertThat(body.getInt()).isZero();
            assertThat(body.getInt()).isZero();
            assertThat(body.getInt()).isEqualTo(5);
            assertThat(body.getInt()).isEqualTo(3);
            byte[] payload = new byte[3];
            body.get(payload);
            assertThat(new String(payload, StandardCharsets.UTF_8)).isEqualTo("xyz");
            assertThat(body.getShort()).isEqualTo((short) properties.length);
            body.position(body.position() + properties.length);
        }
        assertThat(body.hasRemaining()).isFalse();
    }
}

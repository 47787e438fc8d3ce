package io.mqproducer.internal.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.ProducerOptions;
import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.internal.codec.BatchBodyEncoder;
import io.mqproducer.message.Message;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPlannerTest {
    private final SendRequestFactory factory = new SendRequestFactory(ProducerOptions.builder("n:1").build());

    private static Message message(String topic, int size) {
        return Message.builder(topic).body(new byte[size]).build();
    }

    @Test
    void enforcesTheBrokersBatchRules() {
        assertThatThrownBy(() -> BatchPlanner.check(List.of(), 100)).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> BatchPlanner.check(List.of(message("a", 1), message("b", 1)), 100))
                .hasMessageContaining("same topic");
        assertThatThrownBy(() -> BatchPlanner.check(List.of(message("a", 1),
                Message.builder("a").body(new byte[1]).delayLevel(2).build()), 100)).hasMessageContaining("delayed");
        assertThatThrownBy(() -> BatchPlanner.check(List.of(message("a", 1),
                Message.builder("a").body(new byte[1]).waitStoreMsgOk(false).build()), 100))
                .hasMessageContaining("waitStoreMsgOk");
        assertThatThrownBy(() -> BatchPlanner.check(List.of(message("a", 101)), 100)).hasMessageContaining("limit is 100");
        List<Message> withNull = new ArrayList<>();
        withNull.add(message("a", 1));
        withNull.add(null);
        assertThatThrownBy(() -> BatchPlanner.check(withNull, 100)).hasMessageContaining("member 1 is null");
    }

    @Test
    void splitsIntoPartsThatFitTheLimitInOrder() {
        List<OutgoingMessage> members = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            members.add(factory.encodeBatchMember(message("a", 100)));
        }
        int memberSize = BatchPlanner.member(members.get(0)).encodedSize();
        List<List<OutgoingMessage>> parts = BatchPlanner.split(members, memberSize * 3 + 1);
        assertThat(parts).extracting(List::size).containsExactly(3, 3, 3, 1);
        assertThat(parts.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(members);
        assertThatThrownBy(() -> BatchPlanner.split(members, memberSize - 1)).hasMessageContaining("batch member 0 takes");
    }

    @Test
    void encodesMembersInTheBrokersLayout() {
        OutgoingMessage member = factory.encodeBatchMember(Message.builder("a").body("xyz".getBytes(StandardCharsets.UTF_8))
                .flag(5).build());
        byte[] properties = member.properties().getBytes(StandardCharsets.UTF_8);
        ByteBuffer body = ByteBuffer.wrap(BatchBodyEncoder.encode(List.of(BatchPlanner.member(member),
                BatchPlanner.member(member))));
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

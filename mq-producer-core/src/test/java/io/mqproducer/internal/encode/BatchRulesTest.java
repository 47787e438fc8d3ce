package io.mqproducer.internal.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.message.Message;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchRulesTest {
    private static Message message(String topic, int size) {
        return Message.builder(topic).body(new byte[size]).build();
    }

    @Test
    void enforcesTheBrokersBatchRules() {
        assertThatThrownBy(() -> BatchRules.check(List.of(), 100)).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> BatchRules.check(List.of(message("a", 1), message("b", 1)), 100))
                .hasMessageContaining("same topic");
        assertThatThrownBy(() -> BatchRules.check(List.of(message("a", 1),
                Message.builder("a").body(new byte[1]).delayLevel(2).build()), 100)).hasMessageContaining("delayed");
        assertThatThrownBy(() -> BatchRules.check(List.of(message("a", 1),
                Message.builder("a").body(new byte[1]).waitStoreMsgOk(false).build()), 100))
                .hasMessageContaining("waitStoreMsgOk");
        assertThatThrownBy(() -> BatchRules.check(List.of(message("a", 101)), 100)).hasMessageContaining("limit is 100");
        List<Message> withNull = new ArrayList<>();
        withNull.add(message("a", 1));
        withNull.add(null);
        assertThatThrownBy(() -> BatchRules.check(withNull, 100)).hasMessageContaining("member 1 is null");
    }
}

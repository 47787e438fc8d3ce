package io.mqproducer.internal.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.error.InvalidMessageException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RecallHandleTest {

    private static String encode(String text) {
        return Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTopicBrokerAndMessageIdOfAVersion1Handle() {
        RecallHandle handle = RecallHandle.parse(encode("v1 ns%orders broker-a 1767225600001 7F0000010001"));

        assertThat(handle.wireTopic()).isEqualTo("ns%orders");
        assertThat(handle.brokerName()).isEqualTo("broker-a");
        assertThat(handle.uniqueId()).isEqualTo("7F0000010001");
    }

    @Test
    void refusesWhatIsNotAVersion1Handle() {
        assertThatThrownBy(() -> RecallHandle.parse(null)).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> RecallHandle.parse(" ")).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> RecallHandle.parse("not base64 !")).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("Base64");
        assertThatThrownBy(() -> RecallHandle.parse(encode("v2 t b 1 id"))).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("v1");
        assertThatThrownBy(() -> RecallHandle.parse(encode("v1 t b 1"))).isInstanceOf(InvalidMessageException.class);
    }
}

package io.mqproducer.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagePropertiesCodecTest {

    @Test
    void encodesWithTheProtocolSeparators() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("TAGS", "a");
        properties.put("k", "v v");
        assertThat(MessagePropertiesCodec.encode(properties)).isEqualTo("TAGS\u0001a\u0002k\u0001v v\u0002");
    }

    @Test
    void roundTrips() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("UNIQ_KEY", "ABC");
        properties.put("empty", "");
        properties.put("ünï", "cödé");
        assertThat(MessagePropertiesCodec.decode(MessagePropertiesCodec.encode(properties))).isEqualTo(properties);
    }

    @Test
    void rejectsPairWithoutValueSeparator() {
        assertThatThrownBy(() -> MessagePropertiesCodec.decode("novalue\u0002")).isInstanceOf(CodecException.class);
    }
}

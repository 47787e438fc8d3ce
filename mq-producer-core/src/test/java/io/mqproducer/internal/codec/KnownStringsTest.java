package io.mqproducer.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KnownStringsTest {
    // "Aa" and "BB" have the same String.hashCode: both must still be found, each as itself.
    private final KnownStrings known = new KnownStrings("msgId", "queueId", "Aa", "BB", "true");

    @Test
    void returnsTheSharedConstantForKnownText() {
        byte[] json = "xx\"queueId\":".getBytes(StandardCharsets.US_ASCII);
        String found = known.find(json, 3, 7, "queueId".hashCode());
        assertThat(found).isSameAs("queueId");
    }

    @Test
    void tellsCollidingStringsApart() {
        assertThat(known.find(bytes("Aa"), 0, 2, "Aa".hashCode())).isEqualTo("Aa");
        assertThat(known.find(bytes("BB"), 0, 2, "BB".hashCode())).isEqualTo("BB");
    }

    @Test
    void unknownTextIsNotFound() {
        assertThat(known.find(bytes("msgIx"), 0, 5, "msgIx".hashCode())).isNull();
        assertThat(known.find(bytes("tru"), 0, 3, "tru".hashCode())).isNull();
        // Same hash as a known string but other text.
        assertThat(known.find(bytes("Ab"), 0, 2, "Aa".hashCode())).isNull();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

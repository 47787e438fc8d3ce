package io.mqproducer.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BinaryFieldsTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 7, 10, 99, 100, 1_764_000_000_123L, -1, -42, Integer.MAX_VALUE, Integer.MIN_VALUE,
        Long.MAX_VALUE, Long.MIN_VALUE})
    void numbersAreWrittenAsTheirDecimalText(long value) {
        ByteBuf out = Unpooled.buffer(4); // small on purpose: the writer must grow it
        out.writeByte(0x7F); // something before, to catch absolute index mistakes

        BinaryFields.writeEntry(out, 'g', value);

        assertThat(out.readByte()).isEqualTo((byte) 0x7F);
        assertThat(out.readShort()).isEqualTo((short) 1);
        assertThat((char) out.readByte()).isEqualTo('g');
        int length = out.readInt();
        assertThat(out.readCharSequence(length, StandardCharsets.US_ASCII).toString()).isEqualTo(Long.toString(value));
        assertThat(out.isReadable()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "topic-ü", "TAGS\u0001x\u0002", "✓✓"})
    void textEntriesCarryTheirUtf8Length(String value) {
        ByteBuf out = Unpooled.buffer();

        BinaryFields.writeEntry(out, "name", value);

        assertThat(out.readShort()).isEqualTo((short) 4);
        assertThat(out.readCharSequence(4, StandardCharsets.UTF_8).toString()).isEqualTo("name");
        int length = out.readInt();
        assertThat(length).isEqualTo(value.getBytes(StandardCharsets.UTF_8).length);
        assertThat(out.readCharSequence(length, StandardCharsets.UTF_8).toString()).isEqualTo(value);
    }
}

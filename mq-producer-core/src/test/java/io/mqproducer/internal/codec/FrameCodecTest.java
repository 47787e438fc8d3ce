package io.mqproducer.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    private static RemotingCommand sample() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("a", "group");
        fields.put("b", "topic-ü");
        fields.put("i", "TAGS\u0001x\u0002");
        return new RemotingCommand(310, RemotingCommand.FLAG_ONEWAY, 42, 473, "JAVA", "remark ✓", fields,
                "body".getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(HeaderFormat.class)
    void aWrittenBodyGoesOnTheWireLikeAnArrayBody(HeaderFormat format) {
        byte[] bytes = "written body ✓".getBytes(StandardCharsets.UTF_8);
        BodyWriter writer = new BodyWriter() {
            @Override
            public int length() {
                return bytes.length;
            }

            @Override
            public void writeTo(ByteBuf out) {
                out.writeBytes(bytes);
            }
        };
        RemotingCommand written = RemotingCommand.requestWithWriter(320, 7, new LinkedHashMap<>(Map.of("a", "g")), writer);
        RemotingCommand copied = RemotingCommand.request(320, 7, new LinkedHashMap<>(Map.of("a", "g")), bytes);

        ByteBuf fromWriter = Unpooled.buffer();
        ByteBuf fromArray = Unpooled.buffer();
        FrameCodec.encode(written, format, fromWriter);
        FrameCodec.encode(copied, format, fromArray);

        assertThat(ByteBufUtil.getBytes(fromWriter)).isEqualTo(ByteBufUtil.getBytes(fromArray));
        assertThat(written.bodyLength()).isEqualTo(bytes.length);
        assertThat(written.body()).isEqualTo(bytes);
        assertThat(written.asOneway().body()).isEqualTo(bytes);
        fromWriter.release();
        fromArray.release();
    }

    @ParameterizedTest
    @EnumSource(HeaderFormat.class)
    void roundTripsEveryField(HeaderFormat format) {
        ByteBuf buffer = Unpooled.buffer();
        FrameCodec.encode(sample(), format, buffer);

        int totalLength = buffer.readInt();
        assertThat(totalLength).isEqualTo(buffer.readableBytes());
        assertThat(buffer.getByte(buffer.readerIndex()) & 0xFF).isEqualTo(format.code());
        RemotingCommand decoded = FrameCodec.decode(buffer);

        assertThat(decoded.code()).isEqualTo(310);
        assertThat(decoded.opaque()).isEqualTo(42);
        assertThat(decoded.version()).isEqualTo(473);
        assertThat(decoded.isOneway()).isTrue();
        assertThat(decoded.isResponse()).isFalse();
        assertThat(decoded.remark()).isEqualTo("remark ✓");
        assertThat(decoded.extFields()).containsExactlyInAnyOrderEntriesOf(sample().extFields());
        assertThat(new String(decoded.body(), StandardCharsets.UTF_8)).isEqualTo("body");
        assertThat(buffer.readableBytes()).isZero();
    }

    @ParameterizedTest
    @EnumSource(HeaderFormat.class)
    void roundTripsAnEmptyCommand(HeaderFormat format) {
        ByteBuf buffer = Unpooled.buffer();
        FrameCodec.encode(RemotingCommand.request(105, 7, Map.of(), null), format, buffer);
        buffer.readInt();
        RemotingCommand decoded = FrameCodec.decode(buffer);
        assertThat(decoded.code()).isEqualTo(105);
        assertThat(decoded.body()).isNull();
        assertThat(decoded.remark()).isNull();
        assertThat(decoded.extFields()).isEmpty();
    }

    @Test
    void binaryHeaderHasTheDocumentedLayout() {
        ByteBuf buffer = Unpooled.buffer();
        FrameCodec.encode(RemotingCommand.request(105, 9, Map.of("topic", "T"), null), HeaderFormat.BINARY, buffer);
        buffer.skipBytes(8);
        assertThat(buffer.readShort()).isEqualTo((short) 105); // code
        assertThat(buffer.readByte()).isEqualTo((byte) 0);      // language JAVA
        assertThat(buffer.readShort()).isEqualTo((short) RemotingCommand.CLIENT_VERSION);
        assertThat(buffer.readInt()).isEqualTo(9);              // opaque
        assertThat(buffer.readInt()).isZero();                  // flag
        assertThat(buffer.readInt()).isZero();                  // no remark
        assertThat(buffer.readInt()).isEqualTo(2 + 5 + 4 + 1);  // ext fields
        assertThat(buffer.readShort()).isEqualTo((short) 5);
    }

    @Test
    void rejectsHeaderLongerThanFrame() {
        ByteBuf frame = Unpooled.buffer();
        frame.writeInt((1 << 24) | 500);
        frame.writeBytes(new byte[20]);
        assertThatThrownBy(() -> FrameCodec.decode(frame)).isInstanceOf(CodecException.class)
                .hasMessageContaining("header length 500");
    }

    @Test
    void rejectsUnknownSerializeType() {
        ByteBuf frame = Unpooled.buffer();
        frame.writeInt((7 << 24) | 4);
        frame.writeInt(0);
        assertThatThrownBy(() -> FrameCodec.decode(frame)).isInstanceOf(CodecException.class)
                .hasMessageContaining("serialize type 7");
    }

    @Test
    void rejectsBinaryHeaderWithOverlongField() {
        ByteBuf frame = Unpooled.buffer();
        ByteBuf header = Unpooled.buffer();
        header.writeShort(0).writeByte(0).writeShort(1).writeInt(1).writeInt(1);
        header.writeInt(0);            // remark
        header.writeInt(10);           // ext fields length
        header.writeShort(100);        // key length beyond the header
        header.writeBytes(new byte[8]);
        frame.writeInt((1 << 24) | header.readableBytes()).writeBytes(header);
        assertThatThrownBy(() -> FrameCodec.decode(frame)).isInstanceOf(CodecException.class);
    }

    @Test
    void rejectsMalformedJsonHeader() {
        byte[] json = "{\"code\":".getBytes(StandardCharsets.UTF_8);
        ByteBuf frame = Unpooled.buffer();
        frame.writeInt(json.length).writeBytes(json);
        assertThatThrownBy(() -> FrameCodec.decode(frame)).isInstanceOf(CodecException.class)
                .hasMessageContaining("malformed JSON header");
    }

    @Test
    void readsJsonHeaderAsBrokersWriteIt() {
        byte[] json = ("{\"code\":0,\"extFields\":{\"msgId\":\"7F00\",\"queueId\":\"1\",\"queueOffset\":\"5\"},"
                + "\"flag\":1,\"language\":\"JAVA\",\"opaque\":3,\"serializeTypeCurrentRPC\":\"JSON\",\"version\":515}")
                .getBytes(StandardCharsets.UTF_8);
        ByteBuf frame = Unpooled.buffer();
        frame.writeInt(json.length).writeBytes(json);
        RemotingCommand decoded = FrameCodec.decode(frame);
        assertThat(decoded.isResponse()).isTrue();
        assertThat(decoded.opaque()).isEqualTo(3);
        assertThat(decoded.extField("queueOffset")).isEqualTo("5");
    }
}

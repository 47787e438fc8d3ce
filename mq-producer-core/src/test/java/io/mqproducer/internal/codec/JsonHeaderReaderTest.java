package io.mqproducer.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonHeaderReaderTest {

    private static RemotingCommand read(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ByteBuf buffer = Unpooled.wrappedBuffer(bytes);
        RemotingCommand command = new JsonHeaderReader(buffer, bytes.length).read(null);
        assertThat(buffer.readableBytes()).isZero();
        return command;
    }

    @Test
    void readsWhatBrokersWrite() {
        RemotingCommand command = read("{\"code\":0,\"extFields\":{\"msgId\":\"7F00000100002A9F\",\"queueId\":\"3\","
                + "\"queueOffset\":\"42\",\"MSG_REGION\":\"DefaultRegion\",\"TRACE_ON\":\"true\"},\"flag\":1,"
                + "\"language\":\"JAVA\",\"opaque\":77,\"serializeTypeCurrentRPC\":\"JSON\",\"version\":515}");
        assertThat(command.code()).isZero();
        assertThat(command.isResponse()).isTrue();
        assertThat(command.opaque()).isEqualTo(77);
        assertThat(command.version()).isEqualTo(515);
        assertThat(command.extField("queueOffset")).isEqualTo("42");
        assertThat(command.extField("MSG_REGION")).isEqualTo("DefaultRegion");
        assertThat(command.remark()).isNull();
    }

    @Test
    void handlesEscapesUnicodeWhitespaceUnknownMembersAndNonStringValues() {
        RemotingCommand command = read(" {\n \"remark\" : \"a \\\"quoted\\\" \\\\ \\/ \\n\\t\\u00e9\\ud83d\\ude00 ü\" ,"
                + " \"unknown\": {\"nested\": [1, {\"x\": null}, \"s\"]}, \"list\": [], \"code\": -1,"
                + " \"extFields\": {\"n\": 12, \"b\": true, \"z\": null, \"o\": {\"p\": 1}, \"s\": \"v\"} } ");
        assertThat(command.remark()).isEqualTo("a \"quoted\" \\ / \n\té😀 ü");
        assertThat(command.code()).isEqualTo(-1);
        assertThat(command.extFields()).containsEntry("n", "12").containsEntry("b", "true").containsEntry("s", "v")
                .doesNotContainKeys("z", "o");
    }

    @Test
    void agreesWithJacksonOnRandomHeaders() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            Map<String, String> fields = new HashMap<>();
            for (int i = 0; i < random.nextInt(6); i++) {
                fields.put(randomText(random), randomText(random));
            }
            RemotingCommand original = new RemotingCommand(random.nextInt(500), random.nextInt(4), random.nextInt(),
                    random.nextInt(600), "JAVA", random.nextBoolean() ? null : randomText(random), fields, null);
            ByteBuf frame = Unpooled.buffer();
            FrameCodec.encode(original, HeaderFormat.JSON, frame);
            frame.readInt();
            RemotingCommand decoded = FrameCodec.decode(frame);
            assertThat(decoded.opaque()).isEqualTo(original.opaque());
            assertThat(decoded.code()).isEqualTo(original.code());
            assertThat(decoded.remark()).isEqualTo(original.remark());
            assertThat(decoded.extFields()).isEqualTo(fields);
        }
    }

    private static String randomText(Random random) {
        String alphabet = "abcXYZ019 \"\\/\u0001\u0002\n\té€😀";
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(12);
        while (text.length() < length) {
            int index = random.nextInt(alphabet.length());
            char c = alphabet.charAt(index);
            if (Character.isHighSurrogate(c)) {
                text.append(c).append(alphabet.charAt(index + 1));
            } else if (!Character.isLowSurrogate(c)) {
                text.append(c);
            }
        }
        return text.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"code\":", "{\"code\":1", "{\"code\":1,}", "{\"code\":1} x", "[1]",
        "{\"remark\":\"unterminated}", "{\"remark\":\"bad \\q escape\"}", "{\"remark\":\"\\u12\"}",
        "{\"code\":\"x\"}", "{\"extFields\":{\"a\":}}", "{\"code\":12345678901234567890}", "{code:1}"})
    void rejectsMalformedHeaders(String json) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(CodecException.class).hasMessageContaining("malformed JSON header");
    }
}

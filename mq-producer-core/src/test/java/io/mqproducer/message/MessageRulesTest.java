package io.mqproducer.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.error.InvalidMessageException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MessageRulesTest {
    private static final byte[] BODY = {1};

    static Stream<Arguments> invalidMessages() {
        return Stream.of(
                bad("null topic", () -> Message.builder(null).body(BODY).build(), "topic must not be null"),
                bad("blank topic", () -> Message.builder("  ").body(BODY).build(), "blank"),
                bad("overlong topic", () -> Message.builder("t".repeat(128)).body(BODY).build(), "limit is 127"),
                bad("space in topic", () -> Message.builder("a b").body(BODY).build(), "illegal character ' '"),
                bad("slash in topic", () -> Message.builder("a/b").body(BODY).build(), "illegal character '/'"),
                bad("unicode in topic", () -> Message.builder("tö").body(BODY).build(), "U+00F6"),
                bad("template topic", () -> Message.builder("TBW102").body(BODY).build(), "system topic"),
                bad("schedule topic", () -> Message.builder("SCHEDULE_TOPIC_XXXX").body(BODY).build(), "system topic"),
                bad("rmq_sys prefix", () -> Message.builder("rmq_sys_x").body(BODY).build(), "system topic"),
                bad("null body", () -> Message.builder("t").build(), "body must not be null"),
                bad("empty body", () -> Message.builder("t").body(new byte[0]).build(), "must not be empty"),
                bad("reserved property", () -> Message.builder("t").body(BODY).property("UNIQ_KEY", "x").build(),
                        "reserved"),
                bad("reserved TAGS", () -> Message.builder("t").body(BODY).property("TAGS", "x").build(), "reserved"),
                bad("null property value", () -> Message.builder("t").body(BODY).property("p", null).build(),
                        "null value"),
                bad("null property name", () -> Message.builder("t").body(BODY).property(null, "v").build(),
                        "must not be null"),
                bad("separator in value", () -> Message.builder("t").body(BODY).property("p", "a\u0002b").build(),
                        "separator"),
                bad("separator in name", () -> Message.builder("t").body(BODY).property("p\u0001", "v").build(),
                        "separator"),
                bad("blank key", () -> Message.builder("t").body(BODY).keys(" ").build(), "keys must not be null"),
                bad("key with space", () -> Message.builder("t").body(BODY).keys("a b").build(), "space"),
                bad("blank tags", () -> Message.builder("t").body(BODY).tags("").build(), "tags"));
    }

    private static Arguments bad(String name, Supplier<Message> build, String expected) {
        return Arguments.of(name, build, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidMessages")
    void rejectsWithATypedClearError(String name, Supplier<Message> build, String expected) {
        assertThatThrownBy(build::get).isInstanceOf(InvalidMessageException.class).hasMessageContaining(expected);
    }

    @Test
    void acceptsEverythingTheProtocolAllows() {
        Message message = Message.builder("%RETRY%a|b_c-D9").body(BODY).tags("tagA").keys("k1", "k2")
                .property("custom", "välue").flag(3).build();
        assertThat(message.keys()).containsExactly("k1", "k2");
        assertThat(message.properties()).containsEntry("custom", "välue");
        assertThat(Message.builder("t".repeat(127)).body(BODY).build().topic()).hasSize(127);
    }

    @Test
    void bodySizeIsCheckedAgainstTheLimit() {
        MessageRules.checkBodySize(new byte[10], 10);
        assertThatThrownBy(() -> MessageRules.checkBodySize(new byte[11], 10))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("11 bytes, the limit is 10");
    }

    @Test
    void messageIsImmutable() {
        Message message = Message.builder("t").body(BODY).property("a", "b").build();
        assertThatThrownBy(() -> message.properties().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(message.toString()).doesNotContain("\u0001");
    }

    @Test
    void aBuilderUsedAgainLeavesTheMessagesItBuiltUnchanged() {
        Message.Builder builder = Message.builder("t").body(BODY).keys("k1").property("a", "1");
        Message first = builder.build();
        Message second = builder.property("b", "2").keys("k2").build();
        Message third = builder.property("a", "3").build();
        assertThat(first.properties()).containsExactly(java.util.Map.entry("a", "1"));
        assertThat(first.keys()).containsExactly("k1");
        assertThat(second.properties()).containsExactly(java.util.Map.entry("a", "1"), java.util.Map.entry("b", "2"));
        assertThat(second.keys()).containsExactly("k1", "k2");
        assertThat(third.properties()).containsEntry("a", "3").containsEntry("b", "2");
        assertThat(second.properties()).containsEntry("a", "1");
        assertThatThrownBy(() -> first.keys().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}

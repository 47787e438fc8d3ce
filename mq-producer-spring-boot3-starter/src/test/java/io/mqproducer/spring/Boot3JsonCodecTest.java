package io.mqproducer.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqproducer.error.InvalidMessageException;
import io.mqproducer.error.ProducerException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Payloads through a Jackson 2 mapper: written and read back, and typed errors that do not quote the payload. */
class Boot3JsonCodecTest {
    private final PayloadConverter converter = new PayloadConverter(new Jackson2JsonCodec(new ObjectMapper()));

    record Quote(String symbol, long priceCents) {
    }

    /** Jackson cannot write this: its only property throws. */
    static final class Unwritable {
        public String getSecret() {
            throw new IllegalStateException("secret-value");
        }
    }

    @Test
    void writesAndReadsJson() {
        PayloadConverter.Body body = converter.convert(new Quote("A", 1));
        assertThat(body.contentType()).isEqualTo(PayloadConverter.JSON);
        assertThat(new String(body.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"symbol\":\"A\",\"priceCents\":1}");
        assertThat(converter.read(body.bytes(), Quote.class)).isEqualTo(new Quote("A", 1));
    }

    @Test
    void anUnwritablePayloadIsAnInvalidMessageNamingOnlyItsType() {
        assertThatThrownBy(() -> converter.convert(new Unwritable()))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessage("payload of type " + Unwritable.class.getName() + " cannot be written as JSON")
                .cause().isInstanceOf(IllegalArgumentException.class).cause()
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void anUnreadableReplyIsAProducerExceptionNamingTheType() {
        assertThatThrownBy(() -> converter.read("not json".getBytes(StandardCharsets.UTF_8), Quote.class))
                .isInstanceOf(ProducerException.class)
                .hasMessage("reply body cannot be read as JSON of type " + Quote.class.getName());
    }
}

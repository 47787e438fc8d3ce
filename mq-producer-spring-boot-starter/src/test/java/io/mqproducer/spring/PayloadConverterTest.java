package io.mqproducer.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mqproducer.error.ReplyConversionException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Reading reply bodies back the way payloads are written. */
class PayloadConverterTest {
    private final PayloadConverter converter = new PayloadConverter(JsonCodec.of(JsonMapper.builder().build()));

    record Quote(String symbol, int priceCents) {
    }

    @Test
    void whatIsWrittenReadsBackAsTheSameType() {
        Quote quote = new Quote("RMQ", 42);
        assertThat(converter.read(converter.convert(quote).bytes(), Quote.class)).isEqualTo(quote);
        assertThat(converter.read(converter.convert("grüße €").bytes(), String.class)).isEqualTo("grüße €");
        byte[] raw = {0, 1, (byte) 0xff};
        assertThat(converter.read(converter.convert(raw).bytes(), byte[].class)).isSameAs(raw);
    }

    @Test
    void theGivenJsonMapperReadsToo() {
        PayloadConverter snakeCase = new PayloadConverter(JsonCodec.of(JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build()));
        assertThat(snakeCase.read("{\"symbol\":\"A\",\"price_cents\":1}".getBytes(StandardCharsets.UTF_8), Quote.class))
                .isEqualTo(new Quote("A", 1));
    }

    @Test
    void aBodyThatIsNotJsonOfTheTypeIsAProducerErrorNamingTheTypeOnly() {
        assertThatThrownBy(() -> converter.read("secret text".getBytes(StandardCharsets.UTF_8), Quote.class))
                .isExactlyInstanceOf(ReplyConversionException.class)
                .hasMessageContaining(Quote.class.getName())
                .hasMessageNotContaining("secret");
    }
}

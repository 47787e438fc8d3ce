package io.mqproducer.spring.boot.autoconfigure.jackson;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mqproducer.spring.Jackson2JsonCodec;
import io.mqproducer.spring.JsonCodec;
import io.mqproducer.spring.boot.autoconfigure.MqProducerProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Spring Boot 3 (Jackson 2): the templates write JSON payloads with the application's {@link ObjectMapper}, so they
 * look like the application's own JSON ({@code spring.jackson.*}, its modules); a default mapper without one.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = MqProducerProperties.PREFIX + ".enabled", matchIfMissing = true)
public final class MqProducerJacksonAutoConfiguration {

    /** Creates the auto-configuration; Spring calls this. */
    public MqProducerJacksonAutoConfiguration() {
    }

    /** The codec every template the starter creates uses; an application's own {@link JsonCodec} bean wins. */
    @Bean
    @ConditionalOnMissingBean(JsonCodec.class)
    public JsonCodec mqProducerJsonCodec(ObjectProvider<ObjectMapper> objectMapper) {
        return new Jackson2JsonCodec(objectMapper.getIfAvailable(ObjectMapper::new));
    }
}

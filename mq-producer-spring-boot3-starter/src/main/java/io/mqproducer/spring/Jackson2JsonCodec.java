package io.mqproducer.spring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Objects;

/**
 * {@link JsonCodec} over a Jackson 2 {@link ObjectMapper}, the JSON library of Spring Boot 3 applications; used as
 * is, never reconfigured.
 */
public final class Jackson2JsonCodec implements JsonCodec {
    private final ObjectMapper mapper;

    /** A codec writing and reading with {@code mapper}. */
    public Jackson2JsonCodec(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    @Override
    public byte[] write(Object payload) {
        try {
            return mapper.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON", e);
        }
    }

    @Override
    public <T> T read(byte[] json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read JSON", e);
        }
    }
}

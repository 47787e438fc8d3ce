package io.mqproducer.spring;

import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** {@link JsonCodec} over a Jackson 3 {@link JsonMapper} (the core's own JSON library, so present on every line). */
final class JacksonJsonCodec implements JsonCodec {
    private final JsonMapper mapper;

    JacksonJsonCodec(JsonMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    @Override
    public byte[] write(Object payload) {
        try {
            return mapper.writeValueAsBytes(payload);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot write JSON", e);
        }
    }

    @Override
    public <T> T read(byte[] json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot read JSON", e);
        }
    }
}

package io.mqproducer.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/** The JSON header every RocketMQ broker and name server understands. */
final class JsonHeaderCodec implements HeaderCodec {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonFactory FACTORY = new JsonFactory();

    /** The header's JSON shape; field names are the protocol's. */
    record JsonHeader(int code, String language, int version, int opaque, int flag, String remark,
                      Map<String, String> extFields, String serializeTypeCurrentRPC) {
    }

    @Override
    public int write(RemotingCommand command, ByteBuf out) {
        int start = out.writerIndex();
        JsonHeader header = new JsonHeader(command.code(), command.language(), command.version(),
                command.opaque(), command.flag(), command.remark(),
                command.extFields().isEmpty() ? null : command.extFields(), HeaderFormat.JSON.name());
        try (ByteBufOutputStream stream = new ByteBufOutputStream(out)) {
            MAPPER.writeValue((java.io.OutputStream) stream, header);
        } catch (java.io.IOException | JacksonException e) {
            throw new CodecException("cannot write JSON header", e);
        }
        return out.writerIndex() - start;
    }

    @Override
    public RemotingCommand read(ByteBuf in, int length, byte[] body) {
        // Brokers answer in JSON whatever the request used, so this is on every send's path: stream the tokens
        // instead of binding a record, which costs several times more in CPU and garbage.
        byte[] json = new byte[length];
        in.readBytes(json);
        int code = 0;
        int flag = 0;
        int opaque = 0;
        int version = 0;
        String language = null;
        String remark = null;
        Map<String, String> fields = null;
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json, 0, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new CodecException("JSON header is not an object");
            }
            String name;
            while ((name = parser.nextName()) != null) {
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "code" -> code = parser.getIntValue();
                    case "flag" -> flag = parser.getIntValue();
                    case "opaque" -> opaque = parser.getIntValue();
                    case "version" -> version = parser.getIntValue();
                    case "language" -> language = parser.getValueAsString();
                    case "remark" -> remark = value == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
                    case "extFields" -> fields = value == JsonToken.START_OBJECT ? readFields(parser) : null;
                    default -> parser.skipChildren();
                }
            }
        } catch (JacksonException e) {
            throw new CodecException("malformed JSON header", e);
        }
        return new RemotingCommand(code, flag, opaque, version, language, remark, fields, body);
    }

    private static Map<String, String> readFields(JsonParser parser) {
        Map<String, String> fields = new HashMap<>();
        String name;
        while ((name = parser.nextName()) != null) {
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                parser.skipChildren();
            } else if (value != JsonToken.VALUE_NULL) {
                fields.put(name, parser.getValueAsString());
            }
        }
        return fields;
    }
}

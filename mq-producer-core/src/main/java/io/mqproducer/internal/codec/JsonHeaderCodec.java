package io.mqproducer.internal.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The JSON header every RocketMQ broker and name server understands. */
final class JsonHeaderCodec implements HeaderCodec {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    /**
     * Per-thread buffer the header is copied into for parsing (scanning an array beats buffer accessors); responses
     * are decoded on event-loop threads, where a FastThreadLocal is a plain field read.
     */
    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[1024];
        }
    };

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
        // Brokers answer in JSON whatever the request used, so this is on every send's path: a purpose-built
        // reader costs a fraction of a general JSON parser in CPU and garbage.
        byte[] scratch = SCRATCH.get();
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
            SCRATCH.set(scratch);
        }
        in.readBytes(scratch, 0, length);
        return new JsonHeaderReader(scratch, length).read(body);
    }
}

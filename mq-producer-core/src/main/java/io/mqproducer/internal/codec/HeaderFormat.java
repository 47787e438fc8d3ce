package io.mqproducer.internal.codec;

/** How a frame's header is serialized; the ordinal is the byte the frame carries. */
public enum HeaderFormat {
    /** JSON, as every RocketMQ version understands. */
    JSON(0),
    /** RocketMQ's compact binary layout (brokers answer in the format they were asked in). */
    BINARY(1);

    private final int code;

    HeaderFormat(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The format of the {@code binaryHeaders} producer option. */
    public static HeaderFormat of(boolean binary) {
        return binary ? BINARY : JSON;
    }

    public static HeaderFormat ofCode(int code) {
        for (HeaderFormat format : values()) {
            if (format.code == code) {
                return format;
            }
        }
        throw new CodecException("unknown header serialize type " + code);
    }
}

package io.mqproducer.internal.codec;

import io.mqproducer.CompressionType;
import io.mqproducer.error.InvalidOptionsException;

/** Compresses message bodies with one codec at one level; implementations are thread-safe. */
public interface BodyCompressor {

    /** The compressed body. */
    byte[] compress(byte[] body);

    /** The original body. */
    byte[] decompress(byte[] compressed);

    /** The sysFlag bits that tell consumers which codec to inflate with. */
    int sysFlagBits();

    /** Bits 8-10 of the sysFlag name the codec; 0 is read as zlib, as brokers before 4.9.4 wrote it. */
    int TYPE_MASK = 7 << 8;

    /**
     * The body of a stored message with {@code sysFlag}, decompressed if it says so.
     *
     * @throws CodecException if the codec is unknown or its library is missing
     */
    static byte[] decompress(int sysFlag, byte[] body) {
        if ((sysFlag & 1) == 0) {
            return body;
        }
        int type = sysFlag & TYPE_MASK;
        for (CompressionType candidate : CompressionType.values()) {
            if (candidate.sysFlagBits() == type || type == 0 && candidate == CompressionType.ZLIB) {
                try {
                    return of(candidate, 0).decompress(body);
                } catch (InvalidOptionsException missingLibrary) {
                    throw new CodecException(missingLibrary.getMessage(), missingLibrary);
                }
            }
        }
        throw new CodecException("unknown compression type " + (type >> 8) + " in sysFlag " + sysFlag);
    }

    /**
     * The compressor for {@code type}.
     *
     * @throws InvalidOptionsException if the codec's library is not on the class path, naming the artifact to add
     */
    static BodyCompressor of(CompressionType type, int level) {
        return switch (type) {
            case ZLIB -> new ZlibCompressor(level);
            case LZ4 -> {
                requireClass("net.jpountz.lz4.LZ4FrameOutputStream", type, "at.yawk.lz4:lz4-java");
                yield new Lz4Compressor();
            }
            case ZSTD -> {
                requireClass("com.github.luben.zstd.Zstd", type, "com.github.luben:zstd-jni");
                yield new ZstdCompressor(level);
            }
        };
    }

    private static void requireClass(String className, CompressionType type, String artifact) {
        try {
            Class.forName(className, false, BodyCompressor.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new InvalidOptionsException("compressionType", "compression type " + type + " needs " + artifact
                    + " on the class path (an optional dependency of mq-producer-core); add it or choose another type");
        }
    }
}

package io.mqproducer.internal.codec;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdInputStream;
import io.mqproducer.CompressionType;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Zstandard: one frame with the content size, which RocketMQ consumers read with a zstd input stream. */
final class ZstdCompressor implements BodyCompressor {
    private final int level;

    ZstdCompressor(int level) {
        this.level = level;
    }

    @Override
    public byte[] compress(byte[] body) {
        return Zstd.compress(body, level);
    }

    @Override
    public byte[] decompress(byte[] compressed) {
        try (ZstdInputStream frame = new ZstdInputStream(new ByteArrayInputStream(compressed))) {
            return frame.readAllBytes();
        } catch (IOException e) {
            throw new CodecException("malformed zstd body", e);
        }
    }

    @Override
    public int sysFlagBits() {
        return CompressionType.ZSTD.sysFlagBits();
    }
}

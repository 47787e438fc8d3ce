package io.mqproducer.internal.codec;

import io.mqproducer.CompressionType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;

/** LZ4 in the frame format, which RocketMQ consumers read with an LZ4 frame input stream. */
final class Lz4Compressor implements BodyCompressor {

    @Override
    public byte[] compress(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 2));
        try (LZ4FrameOutputStream frame = new LZ4FrameOutputStream(out)) {
            frame.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("LZ4 compression failed", e); // in-memory streams do not fail
        }
        return out.toByteArray();
    }

    @Override
    public byte[] decompress(byte[] compressed) {
        try (LZ4FrameInputStream frame = new LZ4FrameInputStream(new ByteArrayInputStream(compressed))) {
            return frame.readAllBytes();
        } catch (IOException e) {
            throw new CodecException("malformed LZ4 body", e);
        }
    }

    @Override
    public int sysFlagBits() {
        return CompressionType.LZ4.sysFlagBits();
    }
}

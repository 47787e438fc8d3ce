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
        // The smallest block that holds the body: the frame stream allocates two buffers of the block size, and the
        // default 4 MiB block costs 8 MiB of garbage per message; readers take any block size the frame declares.
        try (LZ4FrameOutputStream frame = new LZ4FrameOutputStream(out, blockSize(body.length))) {
            frame.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("LZ4 compression failed", e); // in-memory streams do not fail
        }
        return out.toByteArray();
    }

    private static LZ4FrameOutputStream.BLOCKSIZE blockSize(int bodyLength) {
        for (LZ4FrameOutputStream.BLOCKSIZE size : LZ4FrameOutputStream.BLOCKSIZE.values()) {
            if (bodyLength <= 1 << (size.getIndicator() * 2 + 8)) {
                return size;
            }
        }
        return LZ4FrameOutputStream.BLOCKSIZE.SIZE_4MB;
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

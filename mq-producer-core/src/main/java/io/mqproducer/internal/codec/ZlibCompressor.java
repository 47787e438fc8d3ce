package io.mqproducer.internal.codec;

import io.mqproducer.CompressionType;
import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** zlib, as every RocketMQ consumer (4.x and 5.x) inflates it. */
final class ZlibCompressor implements BodyCompressor {
    private final int level;

    ZlibCompressor(int level) {
        this.level = level;
    }

    @Override
    public byte[] compress(byte[] body) {
        Deflater deflater = new Deflater(level);
        try {
            deflater.setInput(body);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 2));
            byte[] chunk = new byte[Math.min(64 * 1024, Math.max(1024, body.length))];
            while (!deflater.finished()) {
                int n = deflater.deflate(chunk);
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    @Override
    public byte[] decompress(byte[] compressed) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 4);
            byte[] chunk = new byte[8 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new CodecException("truncated zlib body");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new CodecException("malformed zlib body", e);
        } finally {
            inflater.end();
        }
    }

    @Override
    public int sysFlagBits() {
        return CompressionType.ZLIB.sysFlagBits();
    }
}

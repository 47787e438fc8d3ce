package io.mqproducer.internal.codec;

import io.mqproducer.CompressionType;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * zlib, as every RocketMQ consumer (4.x and 5.x) inflates it. Deflaters and their output buffers are pooled: a new
 * deflater per body costs its native state and, with a fresh output buffer, more garbage than the body itself. A pool
 * rather than thread-locals, so that many (virtual) sender threads do not each keep one.
 */
final class ZlibCompressor implements BodyCompressor {
    /** Deflaters kept for reuse; more may be in use at once, and those are ended when returned to a full pool. */
    private static final int POOL_SIZE = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
    /** Output buffers above this are not kept, so that one huge body does not pin its buffer. */
    private static final int MAX_POOLED_BUFFER = 1024 * 1024;

    private final int level;
    private final ArrayBlockingQueue<Workspace> pool = new ArrayBlockingQueue<>(POOL_SIZE);

    /** A deflater and the buffer it writes into. */
    private static final class Workspace {
        final Deflater deflater;
        byte[] buffer = new byte[0];

        Workspace(int level) {
            deflater = new Deflater(level);
        }
    }

    ZlibCompressor(int level) {
        this.level = level;
    }

    @Override
    public byte[] compress(byte[] body) {
        Workspace work = pool.poll();
        if (work == null) {
            work = new Workspace(level);
        }
        try {
            Deflater deflater = work.deflater;
            deflater.setInput(body);
            deflater.finish();
            // zlib's worst case for incompressible input is a few bytes per 16 KiB block over the input.
            int bound = body.length + (body.length >> 12) + 64;
            if (work.buffer.length < bound) {
                work.buffer = new byte[bound];
            }
            int length = 0;
            while (!deflater.finished()) {
                if (length == work.buffer.length) {
                    work.buffer = Arrays.copyOf(work.buffer, work.buffer.length * 2);
                }
                length += deflater.deflate(work.buffer, length, work.buffer.length - length);
            }
            return Arrays.copyOf(work.buffer, length);
        } finally {
            work.deflater.reset();
            if (work.buffer.length > MAX_POOLED_BUFFER || !pool.offer(work)) {
                work.deflater.end();
            }
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

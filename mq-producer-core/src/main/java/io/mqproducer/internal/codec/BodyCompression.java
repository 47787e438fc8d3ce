package io.mqproducer.internal.codec;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/** zlib compression of message bodies, as RocketMQ consumers (4.x and 5.x) inflate them. */
public final class BodyCompression {
    /** sysFlag bits naming zlib as the compression type (RocketMQ 5); 4.x consumers ignore them and use zlib. */
    public static final int ZLIB_TYPE_FLAG = 3 << 8;

    private BodyCompression() {
    }

    /** The zlib-compressed body. */
    public static byte[] zlib(byte[] body, int level) {
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
}

package io.mqproducer;

/**
 * How bodies above the compression threshold are compressed. Consumers read the codec from the message's sysFlag
 * (bits 8-10), so producers may use different codecs on one topic; consumers of RocketMQ 4.9.4+ and 5.x read all
 * three, older ones only zlib.
 */
public enum CompressionType {
    /** zlib (deflate), levels 0-9; the JDK's, no extra library. The default, as in the official client. */
    ZLIB(3 << 8),
    /** LZ4 frames, fastest; the level is ignored. Needs {@code at.yawk.lz4:lz4-java} on the class path. */
    LZ4(1 << 8),
    /** Zstandard frames, levels 1-22; a better ratio than zlib for less CPU. Needs {@code com.github.luben:zstd-jni}. */
    ZSTD(2 << 8);

    private final int sysFlagBits;

    CompressionType(int sysFlagBits) {
        this.sysFlagBits = sysFlagBits;
    }

    /** The sysFlag bits that name this codec on the wire. */
    public int sysFlagBits() {
        return sysFlagBits;
    }
}

package io.mqproducer.internal.codec;

import io.netty.buffer.ByteBuf;

/**
 * A request body that writes itself straight into the frame buffer, for bodies assembled from parts (a batch of
 * messages) that would otherwise be copied into an array first and then once more into the buffer. Writing must give
 * the same bytes every time: a retried request writes its body again.
 */
public interface BodyWriter {

    /** Bytes {@link #writeTo} writes. */
    int length();

    /** Writes the body at the buffer's writer index. */
    void writeTo(ByteBuf out);

    /** The body as an array (for request signing, which hashes it; not on the common path). */
    default byte[] toBytes() {
        byte[] bytes = new byte[length()];
        ByteBuf target = io.netty.buffer.Unpooled.wrappedBuffer(bytes);
        target.writerIndex(0);
        writeTo(target);
        return bytes;
    }
}
